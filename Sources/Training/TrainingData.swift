import NN
import Engine

/// An in-memory training set: samples [n] + sampleShape (points or images) and, for data with
/// classes, one label per sample in 0..<classes.
public struct TrainingData: Sendable {
    public let samples: Tensor
    public let labels: [Int]?
    /// Number of classes (0 when the data has no labels).
    public let classes: Int

    public init(samples: Tensor, labels: [Int]? = nil, classes: Int = 0) {
        let n = samples.shape.first ?? 0
        precondition(n > 0, "TrainingData: no samples")
        if let labels {
            precondition(labels.count == n, "TrainingData: \(labels.count) labels for \(n) samples")
            precondition(labels.allSatisfy { (0..<classes).contains($0) }, "TrainingData: labels outside 0..<\(classes)")
        }
        self.samples = samples
        self.labels = labels
        self.classes = labels == nil ? 0 : classes
    }

    public var count: Int { samples.shape[0] }
    public var sampleShape: [Int] { Array(samples.shape.dropFirst()) }
}
