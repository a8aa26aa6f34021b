import Datasets
import Diffusion
import Engine
import Foundation
import Models
import NN
import Plotting
import Stats
import Training

/// The figures of a run, written to plots/ as data + script + image: from what the run holds in
/// memory as it finishes, or rebuilt from the folder's files alone (config.json, data.csv,
/// samples.csv, loss.csv, trajectory.csv, model.safetensors) by `toy plot`.
public struct RunPlots {
    public let directory: RunDirectory
    public init(directory: RunDirectory) { self.directory = directory }

    public var folder: URL { directory.url.appendingPathComponent("plots") }

    /// What the figures show.
    public struct Inputs {
        public var configuration: RunConfiguration
        public var data: [SIMD2<Double>]
        public var samples: [SIMD2<Double>]
        /// The loss per training step (empty for an exact model).
        public var losses: [Double]
        /// The captured reverse-process frames in sampling order, labelled by time.
        public var trajectory: [(label: String, points: [SIMD2<Double>])]
        /// The unconditional model whose score field is drawn.
        public var model: any DenoisingModel
    }

    /// The inputs of a run folder, read from its files.
    public func load() throws -> Inputs {
        let required = [directory.config, directory.dataCSV, directory.samplesCSV, directory.trajectoryCSV]
        let missing = required.filter { !FileManager.default.fileExists(atPath: $0.path) }.map(\.lastPathComponent)
        guard missing.isEmpty else { throw PlotError.notARun(path: directory.url.path, missing: missing) }
        let c = try RunRecord.load(directory).configuration
        // The files hold Float values in their shortest decimal form: read back as the Floats they
        // were, the figures equal those the run drew from memory.
        func floats(_ p: [SIMD2<Double>]) -> [SIMD2<Double>] { p.map { SIMD2(Double(Float($0.x)), Double(Float($0.y))) } }
        return Inputs(
            configuration: c, data: floats(try PointsCSV.read(directory.dataCSV)), samples: floats(try PointsCSV.read(directory.samplesCSV)),
            losses: c.model.kind == .network ? try lossLog() : [], trajectory: try trajectoryFrames(process: c.process.kind),
            // The unconditional score (∅ for a conditional network; the whole mixture for an exact model).
            model: try TrainedRun(directory).unconditionalModel())
    }

    /// Every figure of the run.
    public func figures(_ inputs: Inputs) throws -> [Figure] {
        let c = inputs.configuration
        let trained = c.model.kind == .network
        let data = inputs.data
        let samples = inputs.samples.filter { $0.x.isFinite && $0.y.isFinite }
        let process = try c.makeProcess()
        let shown = Array(data.prefix(samples.count))
        var figures = [
            Figures.samples(data: shown, samples: samples, title: "\(c.data.name): data and \(c.sampling.sampler.rawValue) samples"),
            Figures.density(data: shown, samples: samples),
            forward(data: Array(data.prefix(2000)), process: process, kind: c.process.kind, seed: c.seed),
            Figures.schedules(
                ScheduleKind.allCases.compactMap { kind in
                    (try? DiscreteDDPM(schedule: kind, timesteps: c.process.timesteps)).map { (kind.rawValue, $0.alphaBar) }
                }),
        ]
        if trained { figures.append(Figures.loss(inputs.losses)) }
        let trajectory = inputs.trajectory
        if !trajectory.isEmpty {
            let stripFrames = trajectory.enumerated().filter { $0.offset % max(1, trajectory.count / 8) == 0 || $0.offset == trajectory.count - 1 }
                .map(\.element)
            figures.append(
                Figures.strip(name: "reverse", title: "reverse process (\(c.sampling.sampler.rawValue))", frames: stripFrames, color: Style.sampleColor))
            figures.append(Figures.animation(name: "reverse-animation", frames: trajectory, color: Style.sampleColor))
        }
        figures.append(scoreField(c, model: inputs.model, process: process, data: shown))
        return figures
    }

    /// Writes all figures (of `inputs`, or of the folder's files); renders them when gnuplot is
    /// installed. Returns the file names written and, when gnuplot is missing, the one message that
    /// says how to render later.
    public func write(format: FigureFormat, inputs: Inputs? = nil) throws -> (files: [String], notice: String?) {
        try writeFigures(try figures(inputs ?? load()), to: folder, format: format)
    }

    func lossLog() throws -> [Double] {
        let text = try String(contentsOf: directory.lossCSV, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: ",").dropFirst().first.flatMap { Double($0) }
        }
    }

    /// The captured reverse-process frames, in sampling order, labelled by time.
    func trajectoryFrames(process: ProcessKind) throws -> [(label: String, points: [SIMD2<Double>])] {
        let text = try String(contentsOf: directory.trajectoryCSV, encoding: .utf8)
        var frames: [(step: Int, t: Double, points: [SIMD2<Double>])] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").compactMap { Double($0) }
            guard f.count == 4 else { continue }
            if frames.last?.step != Int(f[0]) { frames.append((Int(f[0]), f[1], [])) }
            frames[frames.count - 1].points.append(SIMD2(f[2], f[3]))
        }
        return frames.map { ($0.t < 0 ? "x_0 (sample)" : timeLabel($0.t, process), $0.points) }
    }

    /// Trajectory frames as a sampler returns them, labelled as `trajectoryFrames` labels them.
    static func frames(_ trajectory: [(step: Int, time: Double, x: Tensor)], process: ProcessKind) -> [(label: String, points: [SIMD2<Double>])] {
        trajectory.map { frame in
            let s = frame.x.scalars
            return (frame.time < 0 ? "x_0 (sample)" : timeLabel(frame.time, process), stride(from: 0, to: s.count, by: 2).map { SIMD2(Double(s[$0]), Double(s[$0 + 1])) })
        }
    }

    /// x_t = α(t) x₀ + σ(t) ε of the data at eight times spanning the process, evenly spaced in
    /// log-SNR (log σ/α) rather than in t, where most of the range is already near-prior noise.
    func forward(data: [SIMD2<Double>], process: any NoiseProcess, kind: ProcessKind, seed: UInt64) -> Figure {
        let rng = GSLRandom(seed: seed, stream: .plotting)
        let range = process.timeRange
        let (lo, hi) = (log(process.scaledSigma(at: range.lowerBound)), log(process.scaledSigma(at: range.upperBound)))
        let frames = (0..<8).map { i -> (label: String, points: [SIMD2<Double>]) in
            var t = process.time(atScaledSigma: exp(lo + Double(i) / 7 * (hi - lo)))
            if process.discreteSteps != nil || kind == .ncsn { t = t.rounded() }
            let (a, s) = process.marginal(at: t)
            return (timeLabel(t, kind), data.map { a * $0 + s * SIMD2(rng.gaussian(), rng.gaussian()) })
        }
        return Figures.strip(name: "forward", title: "forward process q(x_t | x_0)", frames: frames, color: Style.dataColor)
    }

    /// The model's score −ε̂/σ_t (EMA network, or the exact mixture) on a 25×25 grid at four noise levels.
    func scoreField(_ c: RunConfiguration, model: any DenoisingModel, process: any NoiseProcess, data: [SIMD2<Double>]) -> Figure {
        let xs = data.map(\.x).sorted(), ys = data.map(\.y).sorted()
        let (x0, x1) = (xs[xs.count / 200], xs[xs.count - 1 - xs.count / 200])
        let (y0, y1) = (ys[ys.count / 200], ys[ys.count - 1 - ys.count / 200])
        let n = 25
        let grid = (0..<(n * n)).map { k -> SIMD2<Double> in
            let u = (Double(k % n) + 0.5) / Double(n), v = (Double(k / n) + 0.5) / Double(n)
            return SIMD2(x0 + (x1 - x0) * u, y0 + (y1 - y0) * v)
        }
        let input = Tensor(shape: [grid.count, 2], scalars: grid.flatMap { [Float($0.x), Float($0.y)] })
        let range = process.timeRange
        let levels = [0.02, 0.1, 0.25, 0.5].map { f -> Double in
            let t = range.lowerBound + f * (range.upperBound - range.lowerBound)
            return process.discreteSteps != nil || c.process.kind == .ncsn ? t.rounded() : t
        }
        return Figures.scoreField(
            levels: levels.map { t in
                let (a, s) = process.marginal(at: t)
                let score = model.score(input, time: t, alpha: a, sigma: s).scalars
                let scores = grid.indices.map { SIMD2(Double(score[2 * $0]), Double(score[2 * $0 + 1])) }
                return ("\(timeLabel(t, c.process.kind)) (σ = \(String(format: "%.2f", s)))", grid, scores)
            }, data: data)
    }
}

/// Writes `figures` to `folder` (data, script and, when gnuplot is installed, the image; two
/// gnuplot processes at a time). Returns the file names written and, when gnuplot is missing, the
/// one message that says how to render later.
func writeFigures(_ figures: [Figure], to folder: URL, format: FigureFormat) throws -> (files: [String], notice: String?) {
    let gnuplot: Gnuplot?
    var notice: String?
    do { gnuplot = try Gnuplot() } catch {
        gnuplot = nil
        notice = "\(error)"
    }
    nonisolated(unsafe) var errors = [Error?](repeating: nil, count: figures.count)
    DispatchQueue.concurrentPerform(iterations: figures.count) { i in
        do { try figures[i].write(to: folder, format: format, gnuplot: gnuplot) } catch { errors[i] = error }
    }
    if let error = errors.compactMap({ $0 }).first { throw error }
    return (figures.map { gnuplot == nil ? "\($0.name).gp" : $0.outputName(format) }, notice)
}

/// A time as figures label it: a step or level index for discrete processes, t for SDEs.
func timeLabel(_ t: Double, _ process: ProcessKind) -> String {
    switch process {
    case .ddpm: "t = \(Int(t.rounded()))"
    case .ncsn: "level \(Int(t.rounded()))"
    default: String(format: "t = %.3g", t)
    }
}
