import Diffusion
import Engine
import Foundation
import ImageData
import Plotting
import Stats

/// The figures of an image run, written to plots/ as data + script + image like the 2-D ones:
/// the sample grid (a row per class when conditional), samples beside real training images, the
/// denoising strip (rows of images, columns at 8 noise levels of the reverse process), an animated
/// GIF of sampling, the forward process on training images, the loss curve and the schedules.
public struct ImagePlots {
    public let directory: RunDirectory
    public init(directory: RunDirectory) { self.directory = directory }

    /// What the figures show.
    public struct Inputs {
        public var configuration: RunConfiguration
        public var train: ImageDataset
        public var samples: ImageSamples
        /// The class of each sample (conditional runs).
        public var labels: [Int]?
        public var losses: [Double]
        /// The captured reverse process: (process time, x_t [n, C, H, W]) in sampling order; time −1 = the sample.
        public var trajectory: [(time: Double, x: Tensor)]

        public init(
            configuration: RunConfiguration, train: ImageDataset, samples: ImageSamples, labels: [Int]?, losses: [Double],
            trajectory: [(time: Double, x: Tensor)]
        ) {
            (self.configuration, self.train, self.samples, self.labels, self.losses, self.trajectory) = (
                configuration, train, samples, labels, losses, trajectory
            )
        }
    }

    /// Every figure of the run.
    public func figures(_ inputs: Inputs) throws -> [Figure] {
        let c = inputs.configuration
        let t = inputs.train
        let s = inputs.samples
        let shown = min(100, s.count)
        let rows = (shown + 9) / 10
        let rowLabels = inputs.labels.map { l in (0..<rows).map { t.classNames[l[$0 * 10]] } } ?? []
        let how = "\(c.sampling.sampler.rawValue), \(c.sampling.steps) steps"
        var notes: [String] = []
        if let clip = c.sampling.clip { notes.append("x₀ clipped to [−\(clip), \(clip)] at each step") }
        notes.append("\(s.clippedPixels) of \(s.pixels.count) final pixels outside [0, 1] by rounding, clipped")
        var figures = [
            try Figures.imageGrid(
                name: "samples", title: "\(t.name): \(shown) samples (\(how)), EMA weights after \(c.training.steps) training steps",
                images: (0..<shown).map(s.image), channels: t.channels, height: t.height, width: t.width, columns: 10, rowLabels: rowLabels,
                caption: notes.joined(separator: "; ")),
            try samplesBesideData(inputs, rows: rows, rowLabels: rowLabels),
            Figures.loss(inputs.losses),
            Figures.schedules(
                ScheduleKind.allCases.compactMap { kind in
                    (try? DiscreteDDPM(schedule: kind, timesteps: c.process.timesteps)).map { (kind.rawValue, $0.alphaBar) }
                }),
            try forward(inputs),
        ]
        if !inputs.trajectory.isEmpty { figures += try reverse(inputs) }
        return figures
    }

    /// Writes all figures; renders them when gnuplot is installed.
    public func write(format: FigureFormat, inputs: Inputs) throws -> (files: [String], notice: String?) {
        try writeFigures(try figures(inputs), to: directory.url.appendingPathComponent("plots"), format: format)
    }

    /// Ten samples and ten real training images per row (of the row's class when conditional),
    /// a white column between them.
    func samplesBesideData(_ inputs: Inputs, rows: Int, rowLabels: [String]) throws -> Figure {
        let t = inputs.train
        var images: [[Float]] = []
        var nextOfClass = [Int](repeating: 0, count: t.classes)
        var nextAny = 0
        for r in 0..<rows {
            for k in 0..<10 { images.append(r * 10 + k < inputs.samples.count ? inputs.samples.image(r * 10 + k) : blank(t)) }
            images.append(blank(t))
            for _ in 0..<10 {
                var i = nextAny
                if let labels = inputs.labels {
                    let label = labels[r * 10]
                    i = nextOfClass[label]
                    while i < t.count && t.labels[i] != label { i += 1 }
                    nextOfClass[label] = i + 1
                } else {
                    nextAny += 1
                }
                images.append(i < t.count ? t.floats(i..<(i + 1)) : blank(t))
            }
        }
        return try Figures.imageGrid(
            name: "samples-vs-data", title: "\(t.name): generated (left) and real training images (right)", images: images,
            channels: t.channels, height: t.height, width: t.width, columns: 21, rowLabels: rowLabels)
    }

    func blank(_ t: ImageDataset) -> [Float] { [Float](repeating: 1, count: t.imageSize) }

    /// Rows of samples (one per class when conditional) at 8 steps of the reverse process, and the
    /// animated GIF of a 6×6 grid over every captured step.
    func reverse(_ inputs: Inputs) throws -> [Figure] {
        let c = inputs.configuration, t = inputs.train
        let frames = inputs.trajectory
        let rowsShown: [Int] =
            inputs.labels != nil ? Array(stride(from: 0, to: min(inputs.samples.count, 100), by: 10)) : Array(0..<min(8, inputs.samples.count))
        // Eight frames evenly spread over the captured ones (which are even in log-SNR), first and last included.
        let picked = Array(Set((0..<8).map { ($0 * (frames.count - 1) + 3) / 7 })).sorted()
        let columns = picked.map { k in ImagePlots.displayed(rowsShown.map { image(frames[k].x, $0) }) }
        var images: [[Float]] = []
        for r in rowsShown.indices { for col in columns { images.append(col.images[r]) } }
        let strip = try Figures.imageGrid(
            name: "denoising", title: "\(t.name): the reverse process (\(c.sampling.sampler.rawValue)), left to right", images: images,
            channels: t.channels, height: t.height, width: t.width, columns: picked.count,
            columnLabels: zip(picked, columns).map { k, col in [label(frames[k].time, c), ImagePlots.describe(col.range)] },
            caption: "each column maps the range under its label to black…white")
        let animated = min(36, inputs.samples.count)
        let animation = try Figures.imageAnimation(
            name: "reverse-animation",
            frames: frames.map { f in
                let d = ImagePlots.displayed((0..<animated).map { image(f.x, $0) })
                return ("\(label(f.time, c)) (black to white: \(ImagePlots.describe(d.range)))", d.images)
            }, channels: t.channels, height: t.height, width: t.width, columns: 6)
        return [strip, animation]
    }

    /// x_t = α(t) x₀ + σ(t) ε of eight training images at eight times evenly spaced in log σ/α.
    func forward(_ inputs: Inputs) throws -> Figure {
        let c = inputs.configuration, t = inputs.train
        let process = try c.makeProcess()
        let rng = GSLRandom(seed: c.seed, stream: .plotting)
        let range = process.timeRange
        let (lo, hi) = (log(process.scaledSigma(at: range.lowerBound)), log(process.scaledSigma(at: range.upperBound)))
        let times = (0..<8).map { i -> Double in
            let time = process.time(atScaledSigma: exp(lo + Double(i) / 7 * (hi - lo)))
            return process.discreteSteps != nil || c.process.kind == .ncsn ? time.rounded() : time
        }
        let originals = (0..<min(8, t.count)).map { t.floats($0..<($0 + 1), interval: -1...1) }
        let columns = times.map { time -> (images: [[Float]], range: ClosedRange<Float>) in
            let (a, s) = process.marginal(at: time)
            return ImagePlots.displayed(originals.map { x in x.map { Float(a) * $0 + Float(s) * Float(rng.gaussian()) } })
        }
        var images: [[Float]] = []
        for r in originals.indices { for col in columns { images.append(col.images[r]) } }
        return try Figures.imageGrid(
            name: "forward", title: "\(t.name): the forward process q(x_t | x_0), left to right", images: images, channels: t.channels,
            height: t.height, width: t.width, columns: times.count,
            columnLabels: zip(times, columns).map { [label($0, c), ImagePlots.describe($1.range)] },
            caption: "each column maps the range under its label to black…white")
    }

    func image(_ x: Tensor, _ i: Int) -> [Float] {
        let size = x.shape.dropFirst().reduce(1, *)
        return Array(x.scalars[(i * size)..<((i + 1) * size)])
    }

    func label(_ time: Double, _ c: RunConfiguration) -> String { time < 0 ? "sample" : timeLabel(time, c.process.kind) }

    /// Values on the model's scale mapped to [0, 1] for display, never clipped: x/2 + 1/2 when all
    /// lie in the pixel range [−1, 1], else their own minimum and maximum to black and white (the
    /// range is returned for the caption). Non-finite values stay non-finite (the grid refuses them).
    static func displayed(_ images: [[Float]]) -> (images: [[Float]], range: ClosedRange<Float>) {
        let all = images.joined()
        let lo = all.min() ?? -1, hi = all.max() ?? 1
        let range: ClosedRange<Float> = lo >= -1 && hi <= 1 ? -1...1 : lo...max(hi, lo + 1e-6)
        let scale = 1 / (range.upperBound - range.lowerBound)
        // (x − lo)·scale can round a hair above 1 at the maximum; a NaN stays NaN.
        return (images.map { $0.map { let v = ($0 - range.lowerBound) * scale; return v > 1 ? 1 : v } }, range)
    }

    static func describe(_ r: ClosedRange<Float>) -> String { String(format: "%.1f…%.1f", r.lowerBound, r.upperBound) }
}
