import Foundation

/// The figures of a run, as pure functions from numbers to `Figure`s (no model, no engine).
public enum Figures {
    /// "x y" lines.
    static func table(_ points: [SIMD2<Double>]) -> String {
        var s = ""
        s.reserveCapacity(points.count * 24)
        for p in points { s += "\(p.x) \(p.y)\n" }
        return s
    }

    /// Several point sets as gnuplot data blocks (selected with `index i`).
    static func blocks(_ sets: [[SIMD2<Double>]]) -> String { sets.map(table).joined(separator: "\n\n") }

    /// The plotting box: the 0.2%–99.8% range of the points on each axis, padded by 8%.
    static func box(_ points: [SIMD2<Double>]) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        func range(_ v: [Double]) -> ClosedRange<Double> {
            let s = v.filter(\.isFinite).sorted()
            guard !s.isEmpty else { return -1...1 }
            let lo = s[Int(Double(s.count - 1) * 0.002)], hi = s[Int(Double(s.count - 1) * 0.998)]
            let pad = max(hi - lo, 1e-6) * 0.08
            return (lo - pad)...(hi + pad)
        }
        return (range(points.map(\.x)), range(points.map(\.y)))
    }

    /// " — N outside the range shown" for the points of `points` a plot on `b` cannot show (far
    /// outliers and non-finite values), so that a figure never hides a value without saying so.
    static func outsideNote(_ points: [SIMD2<Double>], _ b: (x: ClosedRange<Double>, y: ClosedRange<Double>)) -> String {
        let n = points.filter { !(b.x.contains($0.x) && b.y.contains($0.y)) }.count
        return n == 0 ? "" : " — \(n) outside the range shown"
    }

    static func ranges(_ b: (x: ClosedRange<Double>, y: ClosedRange<Double>)) -> String {
        "set xrange [\(b.x.lowerBound):\(b.x.upperBound)]\nset yrange [\(b.y.lowerBound):\(b.y.upperBound)]"
    }

    /// Data and samples side by side on the same axes and aspect ratio.
    public static func samples(data: [SIMD2<Double>], samples: [SIMD2<Double>], title: String) -> Figure {
        let b = box(data + samples)
        return Figure(
            name: "samples", data: ["samples-data.dat": table(data), "samples-model.dat": table(samples)],
            body: """
                set multiplot layout 1,2 title '\(title)'
                \(ranges(b))
                set size ratio -1
                set xlabel 'x'
                set ylabel 'y'
                set title 'data (\(data.count) points\(outsideNote(data, b)))'
                plot 'samples-data.dat' using 1:2 with points pt 7 ps 0.3 lc rgb '\(Style.dataColor)' notitle
                set title 'samples (\(samples.count) points\(outsideNote(samples, b)))'
                plot 'samples-model.dat' using 1:2 with points pt 7 ps 0.3 lc rgb '\(Style.sampleColor)' notitle
                unset multiplot
                """, width: 1100, height: 560)
    }

    /// A strip of point clouds (the forward or reverse process), one panel per frame, same axes.
    public static func strip(name: String, title: String, frames: [(label: String, points: [SIMD2<Double>])], color: String) -> Figure {
        let b = box(frames.flatMap(\.points))
        var body = "set multiplot layout 1,\(frames.count) title '\(title)'\n\(ranges(b))\nset size ratio -1\nunset xtics\nunset ytics\n"
        for (i, f) in frames.enumerated() {
            body += "set title '\(f.label)\(outsideNote(f.points, b))'\nplot '\(name).dat' index \(i) using 1:2 with points pt 7 ps 0.15 lc rgb '\(color)' notitle\n"
        }
        body += "unset multiplot"
        return Figure(name: name, data: ["\(name).dat": blocks(frames.map(\.points))], body: body, width: 230 * frames.count, height: 300)
    }

    /// The training loss per step on a log scale, with a moving average over `window` steps.
    public static func loss(_ losses: [Double], window: Int = 100) -> Figure {
        var s = "# step loss moving_average\n"
        var running = 0.0
        for (i, l) in losses.enumerated() {
            running += l
            if i >= window { running -= losses[i - window] }
            s += "\(i + 1) \(l) \(running / Double(min(i + 1, window)))\n"
        }
        return Figure(
            name: "loss", data: ["loss.dat": s],
            body: """
                set logscale y
                set xlabel 'training step'
                set ylabel 'loss'
                set title 'training loss'
                plot 'loss.dat' using 1:2 with dots lc rgb '#999999' title 'per step', \\
                     '' using 1:3 with lines lw 2 lc rgb '\(Style.dataColor)' title 'mean of \(window) steps'
                """, width: 900, height: 500)
    }

    /// ᾱ_t and log SNR = log(ᾱ/(1 − ᾱ)) against t/T for several schedules.
    public static func schedules(_ curves: [(name: String, alphaBar: [Double])]) -> Figure {
        var data = ""
        for c in curves {
            data += "# \(c.name)\n"
            for (i, a) in c.alphaBar.enumerated() { data += "\(Double(i + 1) / Double(c.alphaBar.count)) \(a) \(log(a / (1 - a)))\n" }
            data += "\n\n"
        }
        let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"]
        func plot(_ column: Int) -> String {
            "plot "
                + curves.enumerated().map { i, c in
                    "'schedules.dat' index \(i) using 1:\(column) with lines lw 2 lc rgb '\(colors[i % colors.count])' title '\(c.name)'"
                }.joined(separator: ", \\\n     ")
        }
        return Figure(
            name: "schedules", data: ["schedules.dat": data],
            body: """
                set multiplot layout 1,2 title 'noise schedules (T = \(curves.first?.alphaBar.count ?? 0))'
                set xlabel 't / T'
                set ylabel 'ᾱ_t'
                set yrange [0:1]
                \(plot(2))
                set ylabel 'log SNR = log(ᾱ/(1 − ᾱ))'
                set yrange [*:*]
                \(plot(3))
                unset multiplot
                """, width: 1100, height: 480)
    }

    /// An animated GIF of point clouds, one frame each, fixed axes.
    public static func animation(name: String, frames: [(label: String, points: [SIMD2<Double>])], color: String) -> Figure {
        let b = box(frames.flatMap(\.points))
        var body = "\(ranges(b))\nset size ratio -1\n"
        for (i, f) in frames.enumerated() {
            // The final sample is held for a few frames, so the animation rests on it.
            for _ in 0..<(i == frames.count - 1 ? 6 : 1) {
                body += "set title '\(f.label)\(outsideNote(f.points, b))'\nplot '\(name).dat' index \(i) using 1:2 with points pt 7 ps 0.3 lc rgb '\(color)' notitle\n"
            }
        }
        return Figure(name: name, data: ["\(name).dat": blocks(frames.map(\.points))], body: body, width: 520, height: 520, animated: true)
    }

    /// The learned score ∇ log p_t as arrows over the data at a few noise levels (NCSN-style quiver).
    /// Arrows show the direction on a grid, all of one length (the magnitude grows like 1/σ and
    /// far from the data, which would hide the structure near it); their colour is log₁₀ of the
    /// magnitude, on one scale for all panels.
    public static func scoreField(levels: [(label: String, points: [SIMD2<Double>], scores: [SIMD2<Double>])], data: [SIMD2<Double>]) -> Figure {
        let b = box(data)
        let step = 0.045 * max(b.x.upperBound - b.x.lowerBound, b.y.upperBound - b.y.lowerBound)
        let magnitudes = levels.flatMap { $0.scores.map { log10(max(($0 * $0).sum().squareRoot(), 1e-12)) } }
        let magnitudeRange = (magnitudes.min() ?? 0)...max(magnitudes.max() ?? 1, (magnitudes.min() ?? 0) + 1e-6)
        var arrows = ""
        for level in levels {
            for (p, s) in zip(level.points, level.scores) {
                let norm = (s * s).sum().squareRoot()
                let v = s * (step / max(norm, 1e-12))
                arrows += "\(p.x) \(p.y) \(v.x) \(v.y) \(log10(max(norm, 1e-12)))\n"
            }
            arrows += "\n\n"
        }
        var body =
            "set multiplot layout 1,\(levels.count) title 'learned score ∇_x log p_t(x): direction (arrows) and log_{10} magnitude (colour)'\n\(ranges(b))\nset size ratio -1\nunset xtics\nunset ytics\nset palette rgbformulae 33,13,10\nset cbrange [\(magnitudeRange.lowerBound):\(magnitudeRange.upperBound)]\n"
        for (i, level) in levels.enumerated() {
            body += """
                set title '\(level.label)'
                plot 'score-data.dat' using 1:2 with points pt 7 ps 0.12 lc rgb '\(Style.dataColor)' notitle, \\
                     'score-field.dat' index \(i) using 1:2:3:4:5 with vectors head size 0.08,20 filled lc palette notitle

                """
        }
        body += "unset multiplot"
        return Figure(
            name: "score", data: ["score-data.dat": table(data), "score-field.dat": arrows], body: body,
            width: 330 * levels.count, height: 380)
    }

    /// 2-D histograms of data and samples side by side on the same grid and colour scale.
    public static func density(data: [SIMD2<Double>], samples: [SIMD2<Double>], bins: Int = 60) -> Figure {
        let b = box(data)
        /// The histogram on the data's box, and how many points fell outside it (or were not finite).
        func grid(_ points: [SIMD2<Double>]) -> ([[Double]], outside: Int) {
            var g = [[Double]](repeating: [Double](repeating: 0, count: bins), count: bins)
            var outside = 0
            for p in points {
                let u = (p.x - b.x.lowerBound) / (b.x.upperBound - b.x.lowerBound) * Double(bins)
                let v = (p.y - b.y.lowerBound) / (b.y.upperBound - b.y.lowerBound) * Double(bins)
                // Compared as Doubles first: a far or non-finite point has no Int bin.
                guard u >= 0 && u < Double(bins) && v >= 0 && v < Double(bins) else {
                    outside += 1
                    continue
                }
                g[Int(v)][Int(u)] += 1 / Double(points.count)
            }
            return (g, outside)
        }
        func text(_ g: [[Double]]) -> String {
            var s = ""
            for j in 0..<bins {
                for i in 0..<bins {
                    let x = b.x.lowerBound + (Double(i) + 0.5) * (b.x.upperBound - b.x.lowerBound) / Double(bins)
                    let y = b.y.lowerBound + (Double(j) + 0.5) * (b.y.upperBound - b.y.lowerBound) / Double(bins)
                    s += "\(x) \(y) \(g[j][i])\n"
                }
                s += "\n"
            }
            return s
        }
        let (gd, _) = grid(data), (gs, outside) = grid(samples)
        let top = max(gd.joined().max() ?? 1, gs.joined().max() ?? 1)
        let outsideNote = outside == 0 ? "" : " — \(outside) of \(samples.count) outside the range of the data or not finite, not binned"

        return Figure(
            name: "density", data: ["density-data.dat": text(gd), "density-samples.dat": text(gs)],
            body: """
                set multiplot layout 1,2 title 'density (2-D histograms, \(bins)×\(bins) bins, share of points per bin)'
                \(ranges(b))
                set size ratio -1
                set palette defined (0 'white', 1 '#c6dbef', 2 '#6baed6', 3 '#2171b5', 4 '#08306b')
                set cbrange [0:\(top)]
                set title 'data'
                plot 'density-data.dat' using 1:2:3 with image notitle
                set title 'samples\(outsideNote)' noenhanced
                plot 'density-samples.dat' using 1:2:3 with image notitle
                unset multiplot
                """, width: 1150, height: 540)
    }
}
