import Foundation

/// Figures of sampler comparisons: a grid of scatters and metric-against-cost curves.
extension Figures {
    /// Colours for up to 12 curves (tab10 and two more), one per sampler, in a fixed order.
    static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8",
    ]

    /// Sample scatters in a grid, rows by label (sampler) and columns by label (budget), all on
    /// the axes of `data`; a header row holds the data (above the row labels) and the column titles.
    /// Empty cells stay blank.
    public static func scatterGrid(
        name: String, title: String, data: [SIMD2<Double>], columns: [String],
        rows: [(label: String, cells: [[SIMD2<Double>]?])]
    ) -> Figure {
        let b = box(data)
        var blocks: [[SIMD2<Double>]] = [data]
        let height = 150 * (rows.count + 1) + 60
        var body = """
            set multiplot layout \(rows.count + 1),\(columns.count + 1) title '\(title)' font ',10' margins 0.03,0.99,0.01,\(1 - 90.0 / Double(height)) spacing 0.004,0.006
            \(ranges(b))
            set size ratio -1
            unset xtics
            unset ytics
            unset xlabel
            unset ylabel
            set title 'data' font ',9'
            plot '\(name).dat' index 0 using 1:2 with points pt 7 ps 0.1 lc rgb '\(Style.dataColor)' notitle
            unset border

            """
        // The header row: the data, then one empty panel per column carrying its title.
        for column in columns { body += "set title '\(column)' font ',9'\nplot NaN notitle\n" }
        body += "unset title\n"
        for row in rows {
            // The first column names the row.
            body += "set label 1 '\(row.label)' at graph 0.5, graph 0.5 center font ',9'\nplot NaN notitle\nunset label 1\nset border\n"
            for cell in row.cells {
                if let cell {
                    blocks.append(cell)
                    body += "plot '\(name).dat' index \(blocks.count - 1) using 1:2 with points pt 7 ps 0.1 lc rgb '\(Style.sampleColor)' notitle\n"
                } else {
                    body += "set multiplot next\n"
                }
            }
            body += "unset border\n"
        }
        body += "unset multiplot"
        return Figure(
            name: name, data: ["\(name).dat": Figures.blocks(blocks)], body: body,
            width: max(150 * (columns.count + 1) + 40, 8 * title.count), height: height)
    }

    /// A curve: its label, colour index (one per sampler) and style index (dash and point type,
    /// one per process).
    public typealias Series = (label: String, color: Int, style: Int, points: [SIMD2<Double>])

    /// Panels of y against x (log x), one curve per series with points at its measurements, and a
    /// dashed horizontal line per panel at the data-vs-data baseline. On a log-y panel values at or
    /// below `floor` (estimator noise: unbiased estimates can be negative) are drawn at `floor`.
    public static func curves(
        name: String, title: String, xlabel: String, panels: [(ylabel: String, scale: AxisScale, baseline: Double?, series: [Series])]
    ) -> Figure {
        var data = ""
        var body = """
            set multiplot layout 1,\(panels.count) title '\(title)'
            set logscale x
            set xlabel '\(xlabel)'
            set key outside right top vertical font ',8' samplen 2 spacing 0.9
            set grid lc rgb '#dddddd'

            """
        var block = 0
        let points = [7, 5, 9, 13, 11]
        for (p, panel) in panels.enumerated() {
            let values = panel.series.flatMap { $0.points.map(\.y) } + (panel.baseline.map { [$0] } ?? [])
            body += "set ylabel '\(panel.ylabel)\(panel.scale.note)'\n" + panel.scale.axisCommands(values: values)
            body += p == panels.count - 1 ? "set key\n" : "unset key\n"
            var plots: [String] = []
            for s in panel.series where !s.points.isEmpty {
                for q in s.points.sorted(by: { $0.x < $1.x }) { data += "\(q.x) \(panel.scale.position(q.y))\n" }
                data += "\n\n"
                plots.append(
                    "'\(name).dat' index \(block) using 1:2 with linespoints lw 1.5 dt \(s.style % 5 + 1) pt \(points[s.style % 5]) ps 0.6 lc rgb '\(palette[s.color % palette.count])' title '\(s.label)'"
                )
                block += 1
            }
            if let baseline = panel.baseline {
                plots.append("\(panel.scale.position(baseline)) with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'")
            }
            body += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        body += "unset multiplot"
        return Figure(name: name, data: ["\(name).dat": data], body: body, width: 480 * panels.count + 200, height: 480)
    }
}

/// How a panel's y axis maps values. Nothing is ever clamped: values an axis cannot show (zero or
/// negative on a log axis) need `symmetricLog`, which shows every real number.
public enum AxisScale: Sendable {
    case linear
    /// For values that are all positive (times).
    case log
    /// y ↦ sign(y)·log10(1 + |y|/c): linear within about ±c, logarithmic beyond, negative values
    /// below zero. For estimators that are unbiased and so scatter around 0 near convergence
    /// (energy distance, MMD²); c is the scale of that scatter (the data-vs-data value).
    case symmetricLog(Double)

    /// The plotted position of `y`.
    public func position(_ y: Double) -> Double {
        switch self {
        case .linear, .log: return y
        case .symmetricLog(let c): return (y < 0 ? -1 : 1) * log10(1 + abs(y) / c)
        }
    }

    var note: String {
        if case .symmetricLog(let c) = self { return String(format: " (symmetric log, linear within ±%.2g)", c) }
        return ""
    }

    /// gnuplot commands for the axis, with tics at round values for the symmetric log.
    func axisCommands(values: [Double]) -> String {
        switch self {
        case .linear: return "unset logscale y\nset format y '%g'\nset ytics auto\n"
        case .log: return "set logscale y\nset format y '10^{%T}'\nset ytics auto\n"
        case .symmetricLog(let c):
            let top = max(values.map(abs).max() ?? c, c)
            let decades = Int(ceil(log10(top / c))) + 1
            var tics: [Double] = [0]
            for k in 0...max(decades, 1) {
                let v = c * pow(10, Double(k))
                tics.append(v)
                if values.contains(where: { $0 < 0 }) { tics.append(-v) }
            }
            let labels = tics.sorted().map { String(format: "'%.2g' %.6f", $0, position($0)) }
            return "unset logscale y\nset format y '%g'\nset ytics (" + labels.joined(separator: ", ") + ")\n"
        }
    }
}
