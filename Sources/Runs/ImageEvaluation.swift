import Engine
import Foundation
import ImageData
import Models
import Stats

/// Quality of a set of images against a dataset's test split, on the toolkit classifier's
/// features: Fréchet distance, KID (mean and spread over random subsets, as Bińkowski et al. 2018
/// report it), and the class histogram of the images by the classifier with its entropy in bits
/// (log₂ 10 = 3.32 for a uniform histogram; mode collapse lowers it).
public struct ImageQuality: Codable, Sendable, Equatable {
    public var count: Int
    public var fd: Double
    public var kid: Double
    public var kidStd: Double
    public var classCounts: [Int]
    public var classEntropyBits: Double
}

/// An image evaluation: the samples' quality and the data-vs-data baseline — as many real training
/// images scored the same way — so every number has its floor beside it.
public struct ImageEvaluation: Codable, Sendable {
    public var dataset: String
    public var reference: String
    public var classifierTestAccuracy: Double
    public var samples: ImageQuality
    public var baseline: ImageQuality

    /// KID subsets: size min(1000, n), this many.
    public static let kidSubsets = 10

    /// Scores `images` ([n, c, h, w] values in [0, 1]) against `test`, with `train` for the
    /// baseline and the classifier. `seed` draws the baseline images and KID subsets.
    public static func evaluate(
        images: [Float], count n: Int, dataset kind: ImageDatasetKind, train: ImageDataset, test: ImageDataset, seed: UInt64,
        log: (String) -> Void = { _ in }
    ) throws -> ImageEvaluation {
        let (classifier, accuracy) = try FeatureClassifier.load(kind, train: train, test: test, log: log)
        let shape = [n] + train.imageShape
        func features(_ pixels01: [Float], _ count: Int) -> (rows: [[Double]], counts: [Int]) {
            // The classifier sees pixels on [−1, 1], as it was trained.
            let x = Tensor(shape: [count] + train.imageShape, scalars: pixels01.map { $0 * 2 - 1 })
            let rows = classifier.featureRows(x)
            var counts = [Int](repeating: 0, count: train.classes)
            var offset = 0
            while offset < count {
                let tape = Tape(recording: false)
                let z = classifier.logits(tape.constant(x.rows(offset..<min(offset + 500, count)))).value
                for r in 0..<z.shape[0] {
                    let row = Array(z.scalars[(r * train.classes)..<((r + 1) * train.classes)])
                    counts[row.firstIndex(of: row.max()!)!] += 1
                }
                offset += 500
            }
            return (rows, counts)
        }
        precondition(images.count == shape.reduce(1, *), "ImageEvaluation: \(images.count) values for shape \(shape)")
        let reference = features(test.floats(), test.count).rows
        let rng = GSLRandom(seed: seed, stream: .evaluation)
        func quality(_ f: (rows: [[Double]], counts: [Int])) -> ImageQuality {
            let size = min(1000, f.rows.count, reference.count)
            let kids = (0..<kidSubsets).map { _ in
                let a = rng.permutation(f.rows.count).prefix(size).map { f.rows[$0] }
                let b = rng.permutation(reference.count).prefix(size).map { reference[$0] }
                return FeatureDistance.kid(a, b)
            }
            let mean = kids.reduce(0, +) / Double(kids.count)
            let std = (kids.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(kids.count - 1)).squareRoot()
            let total = Double(f.counts.reduce(0, +))
            let entropy = -f.counts.filter { $0 > 0 }.map { Double($0) / total }.map { $0 * log2($0) }.reduce(0, +)
            return ImageQuality(
                count: f.rows.count, fd: FeatureDistance.frechet(f.rows, reference), kid: mean, kidStd: std, classCounts: f.counts, classEntropyBits: entropy)
        }
        let sampleQuality = quality(features(images, n))
        let chosen = rng.permutation(train.count).prefix(n)
        let real = chosen.flatMap { train.floats($0..<($0 + 1)) }
        let baseline = quality(features(real, n))
        return ImageEvaluation(
            dataset: kind.rawValue, reference: "\(test.count) \(kind.rawValue) test images", classifierTestAccuracy: accuracy, samples: sampleQuality,
            baseline: baseline)
    }

    /// A plain-text table: each metric beside its baseline.
    public var table: String {
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        func row(_ name: String, _ a: String, _ b: String) -> String {
            name.padding(toLength: 34, withPad: " ", startingAt: 0) + a.padding(toLength: max(22, a.count + 2), withPad: " ", startingAt: 0) + b
        }
        return [
            "On the toy classifier's features (test accuracy \(f(classifierTestAccuracy))); baseline: as many real training images.",
            row("metric", "samples", "baseline"),
            row("FD", f(samples.fd), f(baseline.fd)),
            row("KID (± std over \(Self.kidSubsets) subsets)", f(samples.kid) + " ± " + f(samples.kidStd), f(baseline.kid) + " ± " + f(baseline.kidStd)),
            row("class entropy (bits, max 3.32)", f(samples.classEntropyBits), f(baseline.classEntropyBits)),
            row("class counts", samples.classCounts.map(String.init).joined(separator: " "), baseline.classCounts.map(String.init).joined(separator: " ")),
        ].joined(separator: "\n")
    }
}
