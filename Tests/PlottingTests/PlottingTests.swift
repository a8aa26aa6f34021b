import Foundation
import Plotting
import Testing

let cloud = (0..<200).map { i in SIMD2(cos(Double(i)), sin(Double(i) * 0.7)) }

func scratch() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("toy-plot-\(UUID().uuidString)") }

@Suite struct FigureScriptTests {
    @Test func scriptNamesItsDataAndOutputAndUsesEqualAspect() {
        let f = Figures.samples(data: cloud, samples: cloud, title: "t")
        let script = f.script(.png)
        #expect(script.contains("set terminal pngcairo size 1100,560"))
        #expect(script.contains("set output 'samples.png'"))
        #expect(script.contains("set size ratio -1"))
        #expect(script.contains("'samples-data.dat'") && script.contains("'samples-model.dat'"))
        #expect(script.contains(Style.dataColor) && script.contains(Style.sampleColor))
        #expect(f.data["samples-data.dat"]!.split(separator: "\n").count == 200)
        #expect(f.script(.svg).contains("set terminal svg") && f.script(.pdf).contains("set terminal pdfcairo"))
    }

    /// One plot per frame, and the final sample held for six frames so the animation rests on it.
    @Test func animationIsAGifThatHoldsItsLastFrame() {
        let f = Figures.animation(name: "a", frames: [("one", cloud), ("two", cloud), ("three", cloud)], color: "#000000")
        let script = f.script(.pdf)
        #expect(script.contains("gif animate") && script.contains("set output 'a.gif'"))
        let plots = script.components(separatedBy: "\nplot ").dropFirst()
        #expect(plots.count == 8)
        #expect(plots.filter { $0.contains("index 2 ") }.count == 6 && plots.filter { $0.contains("index 0 ") }.count == 1)
        #expect(f.data["a.dat"]!.components(separatedBy: "\n\n\n").count == 3)
    }

    @Test func lossFigureCarriesTheMovingAverage() {
        let f = Figures.loss([4, 2, 6, 8], window: 2)
        let rows = f.data["loss.dat"]!.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map { Double($0)! } }
        #expect(rows.map { $0[2] } == [4, 3, 4, 7])
        #expect(f.script(.png).contains("set logscale y"))
    }

    @Test func writeWithoutGnuplotLeavesDataAndScript() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Figures.loss([1, 0.5]).write(to: dir, format: .png, gnuplot: nil)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("loss.gp").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("loss.dat").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("loss.png").path))
    }
}

/// End to end with gnuplot (installed by bin/setup).
@Suite struct GnuplotRenderTests {
    @Test func rendersAValidPNGOfTheRequestedSize() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = Figures.samples(data: cloud, samples: cloud, title: "render test")
        try f.write(to: dir, format: .png, gnuplot: try Gnuplot())
        let png = try Data(contentsOf: dir.appendingPathComponent("samples.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ o: Int) -> Int { png[o..<(o + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        #expect(be32(16) == 1100 && be32(20) == 560)
        #expect(png.count > 5000)
    }

    /// A 2×3 grid of grey 4×5 images and of colour ones: one data line per pixel, pixel values as
    /// given (grey) or as 0–255 triples (colour), images upright in grid order; gnuplot renders both;
    /// a value outside [0, 1] is refused rather than clamped.
    @Test(arguments: [1, 3])
    func imageGridsPlaceEveryPixelAndRender(channels: Int) throws {
        let (h, w) = (4, 5)
        let images = (0..<6).map { k in (0..<(channels * h * w)).map { Float(($0 + k) % 11) / 10 } }
        let f = try Figures.imageGrid(
            name: "grid", title: "t", images: images, channels: channels, height: h, width: w, columns: 3, rowLabels: ["Coat", "Bag's"], caption: "c")
        let lines = f.data["grid.dat"]!.split(separator: "\n").map { $0.split(separator: " ").map { Double($0)! } }
        // The whole canvas, gaps (white) included: 3·7 − 2 by 2·6 − 2 pixels.
        #expect(lines.count == 19 * 10 && lines.filter { $0[0] == 5 }.allSatisfy { $0[2] == (channels == 1 ? 1 : 255) })
        // Image 4 (row 1, column 1), its pixel (i = 0, j = 2): x = 1·(5 + 2) + 2, y = (2 − 1 − 1)·(4 + 2) + 3.
        let line = try #require(lines.first { $0[0] == 9 && $0[1] == 3 })
        if channels == 1 {
            #expect(Float(line[2]) == images[4][2])
        } else {
            #expect(line.count == 5 && (0..<3).allSatisfy { c in line[2 + c] == Double(Int((images[4][c * h * w + 2] * 255).rounded())) })
        }
        let script = f.script(.png)
        #expect(script.contains(channels == 1 ? "with image\n" : "with rgbimage\n") && script.contains("'Bag''s'"))
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try f.write(to: dir, format: .png, gnuplot: try Gnuplot())
        #expect(try Data(contentsOf: dir.appendingPathComponent("grid.png")).count > 1000)
        var bad = images
        bad[2][3] = 1.5
        #expect(throws: PlotError.self) { try Figures.imageGrid(name: "g", title: "t", images: bad, channels: channels, height: h, width: w, columns: 3) }
        bad[2][3] = .nan
        #expect(throws: PlotError.self) { try Figures.imageGrid(name: "g", title: "t", images: bad, channels: channels, height: h, width: w, columns: 3) }
    }

    @Test func aGnuplotErrorLeavesNoEmptyImage() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = Figure(name: "broken", data: [:], body: "plot $nosuchblock using 1:2")
        #expect(throws: PlotError.self) { try broken.write(to: dir, format: .png, gnuplot: try Gnuplot()) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken.png").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken.gp").path))
    }
}

@Suite struct AxisScaleTests {
    /// The symmetric log keeps order and sign (nothing clamped), is near-linear inside ±c and
    /// logarithmic far outside; a quality panel draws a negative baseline below zero.
    @Test func symmetricLogKeepsOrderAndSign() {
        let s = AxisScale.symmetricLog(0.01)
        let values = [-1.0, -0.01, -1e-4, 0, 1e-4, 0.002, 0.01, 0.5, 3]
        let positions = values.map(s.position)
        #expect(positions == positions.sorted())
        #expect(zip(values, positions).allSatisfy { ($0 < 0) == ($1 < 0) && ($0 == 0) == ($1 == 0) })
        #expect(abs(s.position(1e-4) / (1e-4 / 0.01 / log(10)) - 1) < 0.01)  // ≈ y/(c·ln 10) near 0
        #expect(abs(s.position(10) - s.position(1) - 1) < 0.01)  // a decade per unit far out
        let figure = Figures.curves(
            name: "q", title: "t", xlabel: "NFE", columns: 1,
            panels: [
                Figures.Panel(
                    ylabel: "energy", scale: s, baseline: (-0.003, nil),
                    series: [("a/b", 0, [Figures.Measurement(x: 10, y: -0.002), Figures.Measurement(x: 100, y: 0.4)])])
            ])
        let data = figure.data["q.dat"]!
        #expect(data.contains("10.0 -"))  // the negative value stays negative
        #expect(figure.body.contains("\(s.position(-0.003)) with lines"))
        #expect(figure.body.contains("set ytics ("))
    }

    /// Error bars span the interval's ends on the panel's axis; a baseline with an interval is a
    /// band; the x range is fitted to the points; curves in a panel get distinct dashes and points.
    @Test func curvesDrawIntervalsAndFitTheirRange() {
        let s = AxisScale.symmetricLog(0.01)
        let figure = Figures.curves(
            name: "q", title: "t", xlabel: "NFE", columns: 2,
            panels: [
                Figures.Panel(
                    ylabel: "energy", scale: s, baseline: (0.0, 0.002),
                    series: [
                        ("a", 0, [Figures.Measurement(x: 9, y: 0.5, halfWidth: 0.1), Figures.Measurement(x: 1000, y: 0.01, halfWidth: 0.02)]),
                        ("b", 1, [Figures.Measurement(x: 20, y: 0.3, halfWidth: 0.05)]),
                    ]),
                Figures.Panel(ylabel: "accuracy", scale: .linear, series: [("a", 0, [Figures.Measurement(x: 50, y: 0.6)])]),
            ])
        let data = figure.data["q.dat"]!
        #expect(data.contains("9.0 \(s.position(0.5)) \(s.position(0.4)) \(s.position(0.6))"))
        #expect(data.contains("1000.0 \(s.position(0.01)) \(s.position(-0.01)) \(s.position(0.03))"))  // the interval crosses 0
        #expect(figure.body.contains("set xrange [\(9 / 1.3):\(1000 * 1.3)]"))
        #expect(figure.body.contains("with filledcurves"))
        #expect(figure.body.contains("with yerrorlines lw 1.5 dt 1 pt 7") && figure.body.contains("with yerrorlines lw 1.5 dt 2 pt 5"))
        #expect(figure.body.contains("using 1:2 with linespoints"))  // no interval, no bars
    }
}
