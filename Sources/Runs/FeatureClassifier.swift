import Engine
import Foundation
import ImageData
import Models
import NN
import Training

/// The classifier whose features FD and KID are computed on, trained once per dataset and cached
/// (~/.cache/toy/classifiers/DATASET.safetensors, or $XDG_CACHE_HOME/toy/…) with its test
/// accuracy. A cache made for other data (a different fingerprint of the training split), another
/// architecture or recipe is stale and retrained; so is one below the accuracy floor.
public enum FeatureClassifier {
    /// The recipe: epochs, batch, learning rate and seed of `ImageClassifier.train`.
    public static let epochs = 10, batchSize = 128, seed: UInt64 = 0
    public static let learningRate: Float = 2e-3
    static let formatVersion = "1"

    /// The test accuracy a usable feature classifier must reach (the issue's floors).
    public static func accuracyFloor(_ kind: ImageDatasetKind) -> Double { kind == .mnist ? 0.99 : kind == .fashionMNIST ? 0.90 : 0.75 }

    public static var cacheDirectory: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return URL(fileURLWithPath: base).appendingPathComponent("toy/classifiers")
    }

    /// FNV-1a over the training split's pixels and labels: which data the classifier learned.
    static func fingerprint(_ d: ImageDataset) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in d.pixels { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        for l in d.labels { h = (h ^ UInt64(l)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    /// The metadata a cache must carry to be reused for `train`.
    static func expectedMetadata(_ kind: ImageDatasetKind, train: ImageDataset) throws -> [String: String] {
        let architecture = try canonicalJSON(ImageClassifier.Configuration(inputChannels: train.channels, classes: train.classes))
        return [
            "format": "toy-feature-classifier", "format_version": formatVersion, "dataset": kind.rawValue, "data": fingerprint(train),
            "architecture": architecture, "recipe": "epochs \(epochs), batch \(batchSize), lr \(learningRate), seed \(seed)",
        ]
    }

    /// The cached classifier and its test accuracy, training (and caching) it when the cache is
    /// missing or stale. `log` receives progress lines.
    public static func load(
        _ kind: ImageDatasetKind, train: ImageDataset, test: ImageDataset, directory: URL = cacheDirectory, log: (String) -> Void = { _ in }
    ) throws -> (classifier: ImageClassifier, testAccuracy: Double) {
        let file = directory.appendingPathComponent("\(kind.rawValue).safetensors")
        let expected = try expectedMetadata(kind, train: train)
        let configuration = ImageClassifier.Configuration(inputChannels: train.channels, classes: train.classes)
        let net = try ImageClassifier(configuration, seed: seed)
        if FileManager.default.fileExists(atPath: file.path) {
            // The cached accuracy, or why the cache cannot be reused (then it is retrained).
            let verdict: Result<Double, CacheProblem> = {
                guard let cached = try? Safetensors(contentsOf: file) else { return .failure(CacheProblem("unreadable")) }
                if let key = expected.keys.sorted().first(where: { cached.metadata[$0] != expected[$0] }) {
                    return .failure(CacheProblem("made with another \(key) ('\(cached.metadata[key] ?? "none")', now '\(expected[key]!)')"))
                }
                guard let accuracy = Double(cached.metadata["test_accuracy"] ?? ""), accuracy >= accuracyFloor(kind) else {
                    return .failure(CacheProblem("below the accuracy floor"))
                }
                do { try net.load(cached.tensors) } catch { return .failure(CacheProblem("\(error)")) }
                return .success(accuracy)
            }()
            switch verdict {
            case .success(let accuracy): return (net, accuracy)
            case .failure(let problem): log("feature classifier cache \(file.path) is stale (\(problem.reason)); retraining")
            }
        }
        log("training the \(kind.rawValue) feature classifier (\(epochs) epochs, a few minutes; cached in \(file.path))")
        func tensor(_ d: ImageDataset) -> Tensor { Tensor(shape: [d.count] + d.imageShape, scalars: d.floats(interval: -1...1)) }
        net.train(images: tensor(train), labels: train.labels, epochs: epochs, batchSize: batchSize, lr: learningRate, seed: seed) { epoch, loss in
            log("  epoch \(epoch + 1)/\(epochs): loss \(String(format: "%.4f", loss))")
        }
        let accuracy = net.accuracy(images: tensor(test), labels: test.labels)
        guard accuracy >= accuracyFloor(kind) else {
            throw RunError.invalid(
                "the \(kind.rawValue) feature classifier reached \(accuracy) test accuracy, below the \(accuracyFloor(kind)) its features need; not cached")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tensors = Dictionary(uniqueKeysWithValues: net.parameters.map { ($0.name, $0.value) })
        try FileFormats.write(
            Safetensors(tensors: tensors, metadata: expected.merging(["test_accuracy": "\(accuracy)"]) { a, _ in a }).encoded(), to: file)
        log("feature classifier test accuracy \(accuracy)")
        return (net, accuracy)
    }
}

/// Why a cached feature classifier cannot be reused.
struct CacheProblem: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
