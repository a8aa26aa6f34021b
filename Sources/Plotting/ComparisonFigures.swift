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
        name: String, title: String, xlabel: String,
        panels: [(ylabel: String, logY: Bool, baseline: Double?, floor: Double, series: [Series])]
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
            body +=
                "set ylabel '\(panel.ylabel)'\n" + (panel.logY ? "set logscale y\nset format y '10^{%T}'\n" : "unset logscale y\nset format y '%g'\n")
            body += p == panels.count - 1 ? "set key\n" : "unset key\n"
            var plots: [String] = []
            for s in panel.series where !s.points.isEmpty {
                for q in s.points.sorted(by: { $0.x < $1.x }) { data += "\(q.x) \(panel.logY ? max(q.y, panel.floor) : q.y)\n" }
                data += "\n\n"
                plots.append(
                    "'\(name).dat' index \(block) using 1:2 with linespoints lw 1.5 dt \(s.style % 5 + 1) pt \(points[s.style % 5]) ps 0.6 lc rgb '\(palette[s.color % palette.count])' title '\(s.label)'"
                )
                block += 1
            }
            if let baseline = panel.baseline {
                let y = panel.logY ? max(baseline, panel.floor) : baseline
                plots.append("\(y) with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'")
            }
            body += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        }
        body += "unset multiplot"
        return Figure(name: name, data: ["\(name).dat": data], body: body, width: 480 * panels.count + 200, height: 480)
    }
}
