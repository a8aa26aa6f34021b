import Foundation

/// Figures of sampler comparisons: a grid of scatters and metric-against-cost curves.
extension Figures {
    /// Colours for up to 12 curves (tab10 and two more), one per sampler, in a fixed order.
    static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8",
    ]

    /// A scatter of the grid figure with its caption (the NFE it cost; the tolerance for the ODE).
    public typealias GridCell = (points: [SIMD2<Double>], caption: String)

    /// Sample scatters in a grid, rows by label (sampler) and columns by label (budget), all on
    /// the axes of `data`; a header row holds the data (above the row labels) and the column titles.
    /// A row label may hold a line break (`\n`); each cell carries its own caption. Empty cells stay blank.
    public static func scatterGrid(
        name: String, title: String, data: [SIMD2<Double>], columns: [String], rows: [(label: String, cells: [GridCell?])]
    ) -> Figure {
        let b = box(data)
        var blocks: [[SIMD2<Double>]] = [data]
        let height = 150 * (rows.count + 1) + 60
        var body = """
            set multiplot layout \(rows.count + 1),\(columns.count + 1) title '\(title)' font ',10' margins 0.01,0.99,0.01,\(1 - 90.0 / Double(height)) spacing 0.004,0.006
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
            // The first column names the row (double quotes, so a \n breaks the line).
            body += "set label 1 \"\(row.label)\" at graph 0.5, graph 0.5 center font ',9'\nplot NaN notitle\nunset label 1\nset border\n"
            for cell in row.cells {
                if let cell {
                    blocks.append(cell.points)
                    body += "set label 2 '\(cell.caption)\(Figures.outsideNote(cell.points, b))' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front\n"
                    body += "plot '\(name).dat' index \(blocks.count - 1) using 1:2 with points pt 7 ps 0.1 lc rgb '\(Style.sampleColor)' notitle\n"
                    body += "unset label 2\n"
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

    /// A measured value with the half-width of its 95% interval (nil from a single measurement).
    public struct Measurement: Sendable {
        public var x: Double
        public var y: Double
        public var halfWidth: Double?

        public init(x: Double, y: Double, halfWidth: Double? = nil) {
            self.x = x
            self.y = y
            self.halfWidth = halfWidth
        }
    }

    /// A curve: its label, its colour index (fixed per sampler across panels) and its points.
    /// Dash and point type follow the curve's place in its panel, so they differ within a panel.
    public typealias Series = (label: String, color: Int, points: [Measurement])

    /// One panel of a curves figure: y against x (log x) with error bars where the points have
    /// intervals, and the data-vs-data baseline as a dashed line in its 95% band.
    public struct Panel: Sendable {
        public var title: String?
        public var ylabel: String
        public var scale: AxisScale
        public var baseline: (mean: Double, halfWidth: Double?)?
        public var series: [Series]
        /// Whether this panel carries the key (one panel per column is enough when the columns'
        /// panels share their curves), and where: the corner the curves leave free.
        public var key: Bool
        public var keyCorner: String

        public init(
            title: String? = nil, ylabel: String, scale: AxisScale, baseline: (mean: Double, halfWidth: Double?)? = nil, series: [Series],
            key: Bool = true, keyCorner: String = "top right"
        ) {
            self.title = title
            self.ylabel = ylabel
            self.scale = scale
            self.baseline = baseline
            self.series = series
            self.key = key
            self.keyCorner = keyCorner
        }
    }

    /// Dash patterns and point types, distinct for up to 8 curves in a panel.
    static let dashes = ["1", "2", "3", "4", "5", "(12,4,2,4,2,4)", "(16,6)", "(2,3)"]
    static let pointTypes = [7, 5, 9, 13, 11, 4, 6, 1]

    /// Panels of y against x in a grid of `columns` columns, filled row by row. The x range is
    /// fitted to the points of all panels (shared, so columns compare); y ranges are fitted to each
    /// panel's values with their intervals and baseline. Nothing is clamped.
    public static func curves(name: String, title: String, xlabel: String, columns: Int, panels: [Panel]) -> Figure {
        let xs = panels.flatMap { $0.series.flatMap { $0.points.map(\.x) } }.filter { $0 > 0 && $0.isFinite }
        let (xmin, xmax) = ((xs.min() ?? 1) / 1.3, (xs.max() ?? 10) * 1.3)
        let rows = (panels.count + columns - 1) / max(columns, 1)
        var data = ""
        var body = """
            set multiplot layout \(rows),\(columns) title '\(title)'
            set logscale x
            set xrange [\(xmin):\(xmax)]
            set grid lc rgb '#dddddd'
            set autoscale yfix
            set offsets 0, 0, graph 0.06, graph 0.06
            set bars small

            """
        var block = 0
        for (index, panel) in panels.enumerated() {
            let values =
                panel.series.flatMap { $0.points.flatMap { [$0.y - ($0.halfWidth ?? 0), $0.y + ($0.halfWidth ?? 0)] } }
                + (panel.baseline.map { [$0.mean - ($0.halfWidth ?? 0), $0.mean + ($0.halfWidth ?? 0)] } ?? [])
            body += "set title '\(panel.title ?? "")' font ',10'\n"
            // The x label under the bottom row only; the axis note on a second line of the y label.
            body += index + columns >= panels.count ? "set xlabel '\(xlabel)' font ',9'\n" : "unset xlabel\n"
            body += "set ylabel \"\(panel.ylabel)\(panel.scale.note.isEmpty ? "" : "\\n" + panel.scale.note)\" font ',9'\n"
            body += panel.scale.axisCommands(values: values)
            body += panel.key ? "set key \(panel.keyCorner) opaque box lc rgb '#bbbbbb' font ',7' samplen 3 spacing 0.85\n" : "unset key\n"
            var plots: [String] = []
            if let baseline = panel.baseline, let h = baseline.halfWidth {
                let (lo, hi) = (panel.scale.position(baseline.mean - h), panel.scale.position(baseline.mean + h))
                data += "\(xmin) \(lo) \(hi)\n\(xmax) \(lo) \(hi)\n\n\n"
                plots.append("'\(name).dat' index \(block) using 1:2:3 with filledcurves fc rgb '#888888' fs transparent solid 0.25 noborder notitle")
                block += 1
            }
            for (i, s) in panel.series.filter({ !$0.points.isEmpty }).enumerated() {
                let withBars = s.points.contains { $0.halfWidth != nil }
                for q in s.points.sorted(by: { $0.x < $1.x }) {
                    let h = q.halfWidth ?? 0
                    let (y, lo, hi) = (panel.scale.position(q.y), panel.scale.position(q.y - h), panel.scale.position(q.y + h))
                    data += "\(q.x) \(y) \(lo) \(hi)\n"
                }
                data += "\n\n"
                let style = "lw 1.5 dt \(dashes[i % dashes.count]) pt \(pointTypes[i % pointTypes.count]) ps 0.6 lc rgb '\(palette[s.color % palette.count])'"
                plots.append(
                    "'\(name).dat' index \(block) using 1:2\(withBars ? ":3:4 with yerrorlines" : " with linespoints") \(style) title '\(s.label)'")
                block += 1
            }
            if let baseline = panel.baseline {
                plots.append(
                    "\(panel.scale.position(baseline.mean)) with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data\(baseline.halfWidth == nil ? "" : " (95% band)")'")
            }
            body += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        body += "unset multiplot"
        return Figure(name: name, data: ["\(name).dat": data], body: body, width: 380 * columns + 60, height: 320 * rows + 60)
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
        if case .symmetricLog(let c) = self { return String(format: "(symmetric log, linear within ±%.2g)", c) }
        return ""
    }

    /// gnuplot commands for the axis, with tics at round values for the symmetric log.
    func axisCommands(values: [Double]) -> String {
        switch self {
        case .linear: return "unset logscale y\nset format y '%g'\nset ytics auto\n"
        case .log: return "set logscale y\nset format y '10^{%T}'\nset ytics auto\n"
        case .symmetricLog(let c):
            let top = max(values.filter(\.isFinite).map(abs).max() ?? c, c)
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
