import Datasets
import Foundation
import Stats

/// Where a run's points come from: a toy distribution, which draws as many fresh points as asked,
/// or a user's file, split once (by a seeded permutation) into a training part and a held-out part
/// that stands in for fresh data in metrics and likelihoods.
public enum DataSource: Sendable {
    case toy(ToyDataset, noise: Double?)
    case file(UserPoints)

    /// The name runs and figures use: the dataset's, or the file's base name.
    public var name: String {
        switch self {
        case .toy(let d, _): d.rawValue
        case .file(let u): u.name
        }
    }

    /// Natural classes (toy) or distinct labels of the file's `label` column (0 without one).
    public var classes: Int {
        switch self {
        case .toy(let d, _): d.classes
        case .file(let u): u.classes
        }
    }

    /// The dataset as a Gaussian mixture, when it is one (only toy mixtures).
    public var mixture: GaussianMixture? {
        if case .toy(let d, let noise) = self { return d.mixture(noise: noise) }
        return nil
    }

    /// Mode centres for mode-coverage statistics (only toy mixtures).
    var modes: (centers: [SIMD2<Double>], standardDeviation: Double)? {
        if case .toy(let d, nil) = self { return d.modes }
        return nil
    }

    /// The data's differential entropy where known.
    public var entropy: Double? {
        if case .toy(let d, nil) = self { return d.entropy }
        return nil
    }

    /// The training points of a run with `seed` (a toy draw of `size` points from the data stream,
    /// or the file's training part).
    public func trainingDraw(size: Int, seed: UInt64) -> LabeledPoints {
        switch self {
        case .toy(let d, let noise): d.sampleLabeled(size, noise: noise, rng: GSLRandom(seed: seed, stream: .data))
        case .file(let u): u.training
        }
    }

    /// Two independent sets of about `n` points (of class `label` when given) to score samples
    /// against and to give the data-vs-data baseline: fresh toy draws from the evaluation stream,
    /// or the two halves of the file's held-out part.
    public func referenceDraws(_ n: Int, label: Int? = nil, seed: UInt64) -> (reference: [SIMD2<Double>], baseline: [SIMD2<Double>], what: String) {
        switch self {
        case .toy(let d, let noise):
            guard let label else {
                let rng = GSLRandom(seed: seed, stream: .evaluation)
                let reference = d.sample(n, noise: noise, rng: rng)
                return (reference, d.sample(n, noise: noise, rng: rng), "\(n) + \(n) fresh points of \(d.rawValue) from the evaluation stream of seed \(seed)")
            }
            let rng = GSLRandom(seed: splitMix64(seed ^ UInt64(label + 1)), stream: .evaluation)
            var reference: [SIMD2<Double>] = [], baseline: [SIMD2<Double>] = []
            while reference.count < n || baseline.count < n {
                let draw = d.sampleLabeled(4 * n, noise: noise, rng: rng).points(ofClass: label)
                reference += draw.prefix(draw.count / 2)
                baseline += draw.suffix(from: draw.count / 2)
            }
            return (
                Array(reference.prefix(n)), Array(baseline.prefix(n)),
                "\(n) + \(n) fresh points of class \(label) of \(d.rawValue) from the evaluation stream of seed \(seed)"
            )
        case .file(let u):
            let held = label.map { u.heldOut.points(ofClass: $0) } ?? u.heldOut.points
            let half = held.count / 2
            let what = "the two halves (\(half) + \(held.count - half) points\(label.map { " of class \($0)" } ?? "")) of the held-out part of \(u.name)"
            return (Array(held.prefix(half)), Array(held.suffix(from: half)), what)
        }
    }

    /// `n` class labels in data proportion (toy: a labelled draw; file: picks from the training labels).
    public func labelDraw(_ n: Int, rng: GSLRandom) -> [Int] {
        switch self {
        case .toy(let d, let noise): d.sampleLabeled(n, noise: noise, rng: rng).labels
        case .file(let u): (0..<n).map { _ in u.training.labels[rng.uniformInt(below: u.training.labels.count)] }
        }
    }

    /// `n` held-out points with their classes: a fresh labelled toy draw, or the file's held-out part.
    public func heldOutLabeled(_ n: Int, seed: UInt64) -> LabeledPoints {
        switch self {
        case .toy(let d, let noise): d.sampleLabeled(n, noise: noise, rng: GSLRandom(seed: splitMix64(seed ^ 0xC1A55), stream: .evaluation))
        case .file(let u): LabeledPoints(points: Array(u.heldOut.points.prefix(n)), labels: Array(u.heldOut.labels.prefix(n)))
        }
    }

    /// `n` held-out points for likelihoods: fresh toy draws, or the file's held-out part (all of it
    /// when it has fewer).
    public func heldOut(_ n: Int, seed: UInt64) -> [SIMD2<Double>] {
        switch self {
        case .toy(let d, let noise): d.sample(n, noise: noise, rng: GSLRandom(seed: splitMix64(seed ^ 0x4E4C4C), stream: .evaluation))
        case .file(let u): Array(u.heldOut.points.prefix(n))
        }
    }
}

/// A user's points (`toy run --data FILE`), split into training and held-out parts.
public struct UserPoints: Sendable {
    public let name: String
    public let training: LabeledPoints
    public let heldOut: LabeledPoints
    public let classes: Int

    /// Reads `path` (CSV with an optional `label` column, or .npy [n, 2]) and holds out the
    /// fraction `heldOut` of its rows, chosen by a permutation seeded with `seed`.
    public init(path: String, heldOut fraction: Double, seed: UInt64) throws {
        let url = URL(fileURLWithPath: path)
        let (points, labels) = try PointsCSV.readAny(url)
        let held = Int((Double(points.count) * fraction).rounded())
        guard held >= 20 && points.count - held >= 10 else {
            throw RunError.invalid(
                "'\(path)' has \(points.count) points; with --held-out \(fraction) that leaves \(points.count - held) to train on and \(held) to evaluate against (need at least 10 and 20)."
            )
        }
        let order = GSLRandom(seed: seed, stream: .data).permutation(points.count)
        let all = LabeledPoints(points: order.map { points[$0] }, labels: labels.map { l in order.map { l[$0] } } ?? [Int](repeating: 0, count: points.count))
        name = url.deletingPathExtension().lastPathComponent
        training = LabeledPoints(points: Array(all.points[held...]), labels: Array(all.labels[held...]))
        heldOut = LabeledPoints(points: Array(all.points[..<held]), labels: Array(all.labels[..<held]))
        classes = labels.map { ($0.max() ?? -1) + 1 } ?? 0
    }
}
