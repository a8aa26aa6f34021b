import Foundation
import ImageData
import Runs
import Testing

/// The feature classifier is trained once per dataset and reused from its cache; a cache made for
/// other training data is stale and retrained.
@Suite struct FeatureClassifierTests {
    /// Ten easy classes of 28×28 textures: stripes of period 2–6 pixels, horizontal (classes 0–4)
    /// or vertical (5–9), on noise — content a position-blind (average-pooled) network can tell apart.
    static func dataset(_ n: Int, split: ImageSplit, seed: Int) -> ImageDataset {
        var pixels = [UInt8](), labels = [Int]()
        var state = UInt64(seed) &+ 0x9E37_79B9
        func noise() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 59)
        }
        for i in 0..<n {
            let k = i % 10
            labels.append(k)
            let period = k % 5 + 2
            for y in 0..<28 {
                for x in 0..<28 {
                    let coordinate = (k < 5 ? y : x) + i % period
                    pixels.append(UInt8((coordinate % period) * 2 < period ? 200 + noise() : 40 + noise()))
                }
            }
        }
        return ImageDataset(
            name: "fashion-mnist", split: split, channels: 1, height: 28, width: 28, pixels: pixels, labels: labels,
            classNames: ImageDatasetKind.fashionMNIST.classNames)
    }

    @Test func trainsOnceThenReusesTheCacheAndRetrainsWhenTheDataChanges() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("toy-classifier-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (train, test) = (Self.dataset(1280, split: .train, seed: 1), Self.dataset(200, split: .test, seed: 2))
        var lines: [String] = []
        let first = try FeatureClassifier.load(.fashionMNIST, train: train, test: test, directory: directory) { lines.append($0) }
        #expect(first.testAccuracy >= 0.9 && lines.contains { $0.hasPrefix("training") })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("fashion-mnist.safetensors").path))
        lines = []
        let second = try FeatureClassifier.load(.fashionMNIST, train: train, test: test, directory: directory) { lines.append($0) }
        #expect(lines.isEmpty && second.testAccuracy == first.testAccuracy, "\(lines)")
        #expect(second.classifier.parameters.map(\.value) == first.classifier.parameters.map(\.value))
        var changed = train.labels
        changed.swapAt(0, 1)
        let other = ImageDataset(
            name: train.name, split: .train, channels: 1, height: 28, width: 28, pixels: train.pixels, labels: changed, classNames: train.classNames)
        lines = []
        _ = try? FeatureClassifier.load(.fashionMNIST, train: other, test: test, directory: directory) { lines.append($0) }
        #expect(lines.first?.contains("stale") == true)
    }
}

@Suite struct NearestImageTests {
    /// The blocked product formula gives each image's distance to its nearest neighbour as a direct loop does.
    @Test func nearestDistancesMatchABruteForceLoop() {
        var state: UInt64 = 42
        func value() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24)
        }
        let (n, m, size) = (5, 9, 7)
        let images = (0..<(n * size)).map { _ in value() }, others = (0..<(m * size)).map { _ in value() }
        let got = ImageEvaluation.nearestDistances(images, count: n, to: others, count: m, size: size)
        for i in 0..<n {
            let want = (0..<m).map { j in
                (0..<size).map { k in Double(images[i * size + k] - others[j * size + k]) }.map { $0 * $0 }.reduce(0, +).squareRoot()
            }.min()!
            #expect(abs(got[i] - want) < 1e-4, "image \(i): \(got[i]) vs \(want)")
        }
        #expect(ImageEvaluation.nearestDistances(others, count: m, to: others, count: m, size: size).allSatisfy { $0 < 1e-3 })
    }
}
