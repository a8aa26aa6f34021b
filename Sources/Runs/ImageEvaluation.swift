import Engine
import Foundation
import ImageData
import Models
import Stats

/// Quality of a set of images against a dataset's test split. On the toolkit classifier's
/// features: Fréchet distance, KID (mean and spread over random subsets, as Bińkowski et al. 2018
/// report it), k-NN precision and recall (Kynkäänniemi et al. 2019, k = 3, against as many test
/// images), and the class histogram by the classifier with its entropy in bits (log₂ 10 = 3.32 when
/// uniform; mode collapse lowers it). In pixel space: the Fréchet distance on the test set's first 32
/// principal components, and the median Euclidean distance from each image to its nearest training
/// image (memorisation shows as a drop below held-out images' value).
public struct ImageQuality: Codable, Sendable, Equatable {
    public var count: Int
    public var fd: Double
    public var kid: Double
    public var kidStd: Double
    public var precision: Double
    public var recall: Double
    public var pixelFD: Double
    public var nearestTrainingDistance: Double
    public var classCounts: [Int]
    public var classEntropyBits: Double
}

/// An image evaluation: the samples' quality and the data-vs-data baseline — as many real training
/// images scored the same way (for the nearest-training-image distance, as many held-out test
/// images, since a training image's nearest is itself) — so every number has its floor beside it.
public struct ImageEvaluation: Codable, Sendable {
    public var dataset: String
    public var reference: String
    public var classifierTestAccuracy: Double
    public var samples: ImageQuality
    public var baseline: ImageQuality
    /// Samples drawn for classes (conditional or guided): the share the classifier assigns to the
    /// class each was drawn for (its test accuracy is the real images' value).
    public var labelAccuracy: Double?

    /// KID subsets: size min(1000, n), this many.
    public static let kidSubsets = 10

    /// Scores `images` ([n, c, h, w] values in [0, 1]) against `test`, with `train` for the
    /// baseline and the classifier (cached in `classifierDirectory`). `seed` draws the baseline
    /// images and KID subsets.
    public static func evaluate(
        images: [Float], count n: Int, dataset kind: ImageDatasetKind, train: ImageDataset, test: ImageDataset, seed: UInt64, labels: [Int]? = nil,
        classifierDirectory: URL = FeatureClassifier.cacheDirectory, log: (String) -> Void = { _ in }
    ) throws -> ImageEvaluation {
        let (classifier, accuracy) = try FeatureClassifier.load(kind, train: train, test: test, directory: classifierDirectory, log: log)
        let shape = [n] + train.imageShape
        func features(_ pixels01: [Float], _ count: Int) -> (rows: [[Double]], counts: [Int], classes: [Int]) {
            // The classifier sees pixels on [−1, 1], as it was trained.
            let x = Tensor(shape: [count] + train.imageShape, scalars: pixels01.map { $0 * 2 - 1 })
            let (rows, classes) = classifier.classify(x)
            var counts = [Int](repeating: 0, count: train.classes)
            for c in classes { counts[c] += 1 }
            return (rows, counts, classes)
        }
        precondition(images.count == shape.reduce(1, *), "ImageEvaluation: \(images.count) values for shape \(shape)")
        let testPixels = test.floats()
        let reference = features(testPixels, test.count).rows
        let size = test.imageSize
        func pixelRows(_ p: [Float], _ count: Int) -> [[Double]] { (0..<count).map { i in p[(i * size)..<((i + 1) * size)].map(Double.init) } }
        let pca = PrincipalComponents(pixelRows(testPixels, test.count), count: min(32, size))
        let testProjected = pixelRows(testPixels, test.count).map(pca.project)
        let rng = GSLRandom(seed: seed, stream: .evaluation)
        let trainPixels = train.floats()
        func quality(_ pixels: [Float], memorisation: (pixels: [Float], count: Int)) -> (ImageQuality, [Int]) {
            let f = features(pixels, n)
            let m = min(1000, n, reference.count)
            let kids = (0..<kidSubsets).map { _ in
                let a = rng.permutation(f.rows.count).prefix(m).map { f.rows[$0] }
                let b = rng.permutation(reference.count).prefix(m).map { reference[$0] }
                return FeatureDistance.kid(a, b)
            }
            let mean = kids.reduce(0, +) / Double(kids.count)
            let std = (kids.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(kids.count - 1)).squareRoot()
            let total = Double(f.counts.reduce(0, +))
            let entropy = f.counts.filter { $0 > 0 }.map { Double($0) / total }.reduce(0.0) { $0 - $1 * log2($1) }
            let nearReference = rng.permutation(reference.count).prefix(min(n, reference.count)).map { reference[$0] }
            let pr = FeatureDistance.precisionRecall(samples: f.rows, data: nearReference)
            let pixelFD = FeatureDistance.frechet(pixelRows(pixels, n).map(pca.project), testProjected)
            let nearest = Self.nearestDistances(memorisation.pixels, count: memorisation.count, to: trainPixels, count: train.count, size: size).sorted()
            let q = ImageQuality(
                count: n, fd: FeatureDistance.frechet(f.rows, reference), kid: mean, kidStd: std, precision: pr.precision, recall: pr.recall,
                pixelFD: pixelFD, nearestTrainingDistance: nearest[nearest.count / 2], classCounts: f.counts, classEntropyBits: entropy)
            return (q, f.classes)
        }
        let (sampleQuality, sampleClasses) = quality(images, memorisation: (images, n))
        precondition(labels == nil || labels!.count == n, "ImageEvaluation: \(labels!.count) labels for \(n) images")
        let labelAccuracy = labels.map { l in Double(zip(l, sampleClasses).filter { $0 == $1 }.count) / Double(n) }
        let real = rng.permutation(train.count).prefix(n).flatMap { train.floats($0..<($0 + 1)) }
        // Held-out images stand in for the baseline's memorisation distance (n of them, at most the test set).
        let heldOut = min(n, test.count)
        let (baseline, _) = quality(real, memorisation: (rng.permutation(test.count).prefix(heldOut).flatMap { test.floats($0..<($0 + 1)) }, heldOut))
        return ImageEvaluation(
            dataset: kind.rawValue, reference: "\(test.count) \(kind.rawValue) test images", classifierTestAccuracy: accuracy, samples: sampleQuality,
            baseline: baseline, labelAccuracy: labelAccuracy)
    }

    /// For each of `count` images, the Euclidean distance to its nearest of `others` (pixel space),
    /// by ‖a‖² + ‖b‖² − 2a·b with the products in blocks of 4,096 through `BLAS.sgemm`.
    public static func nearestDistances(_ images: [Float], count n: Int, to others: [Float], count m: Int, size: Int) -> [Double] {
        func norms(_ p: [Float], _ k: Int) -> [Double] {
            (0..<k).map { i in p[(i * size)..<((i + 1) * size)].reduce(0.0) { $0 + Double($1) * Double($1) } }
        }
        let (a2, b2) = (norms(images, n), norms(others, m))
        var best = [Double](repeating: .infinity, count: n)
        let block = 4096
        var products = [Float](repeating: 0, count: n * block)
        var start = 0
        while start < m {
            let rows = min(block, m - start)
            images.withUnsafeBufferPointer { pa in
                others.withUnsafeBufferPointer { pb in
                    products.withUnsafeMutableBufferPointer { pc in
                        BLAS.sgemm(
                            transposeA: false, transposeB: true, m: n, n: rows, k: size, alpha: 1, a: pa.baseAddress!, lda: size,
                            b: pb.baseAddress! + start * size, ldb: size, beta: 0, c: pc.baseAddress!, ldc: rows)
                    }
                }
            }
            for i in 0..<n {
                for j in 0..<rows { best[i] = min(best[i], a2[i] + b2[start + j] - 2 * Double(products[i * rows + j])) }
            }
            start += rows
        }
        return best.map { max($0, 0).squareRoot() }
    }

    /// A plain-text table: each metric beside its baseline.
    public var table: String {
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        func row(_ name: String, _ a: String, _ b: String) -> String {
            name.padding(toLength: 44, withPad: " ", startingAt: 0) + a.padding(toLength: max(22, a.count + 2), withPad: " ", startingAt: 0) + b
        }
        return [
            "On the toy classifier's features (test accuracy \(f(classifierTestAccuracy))); baseline: as many real training images.",
            row("metric", "samples", "baseline"),
            row("FD", f(samples.fd), f(baseline.fd)),
            row("KID (± std over \(Self.kidSubsets) subsets)", f(samples.kid) + " ± " + f(samples.kidStd), f(baseline.kid) + " ± " + f(baseline.kidStd)),
            row("precision (k-NN, k = 3)", f(samples.precision), f(baseline.precision)),
            row("recall (k-NN, k = 3)", f(samples.recall), f(baseline.recall)),
            row("pixel FD (32 principal components)", f(samples.pixelFD), f(baseline.pixelFD)),
            row("median distance to nearest training image", f(samples.nearestTrainingDistance), f(baseline.nearestTrainingDistance) + " (held-out images)"),
            row("class entropy (bits, max 3.32)", f(samples.classEntropyBits), f(baseline.classEntropyBits)),
            row("class counts", samples.classCounts.map(String.init).joined(separator: " "), baseline.classCounts.map(String.init).joined(separator: " ")),
        ].joined(separator: "\n")
            + (labelAccuracy.map { "\n" + row("classified as the class asked for", f($0), f(classifierTestAccuracy) + " (test accuracy)") } ?? "")
    }
}
