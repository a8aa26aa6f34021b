/// One split of an image dataset: `count` images of channels × height × width bytes (0–255,
/// channel-major within an image: [n, c, h, w] overall, as PyTorch lays images out) and one class
/// label per image.
public struct ImageDataset: Sendable {
    public let name: String
    public let split: ImageSplit
    public let channels, height, width: Int
    /// [count, channels, height, width] bytes.
    public let pixels: [UInt8]
    /// One label per image, in 0..<classNames.count.
    public let labels: [Int]
    public let classNames: [String]

    public init(name: String, split: ImageSplit, channels: Int, height: Int, width: Int, pixels: [UInt8], labels: [Int], classNames: [String]) {
        precondition(pixels.count == labels.count * channels * height * width, "ImageDataset: \(pixels.count) pixels for \(labels.count) images")
        (self.name, self.split, self.channels, self.height, self.width) = (name, split, channels, height, width)
        (self.pixels, self.labels, self.classNames) = (pixels, labels, classNames)
    }

    public var count: Int { labels.count }
    public var classes: Int { classNames.count }
    /// Values per image.
    public var imageSize: Int { channels * height * width }
    /// [channels, height, width].
    public var imageShape: [Int] { [channels, height, width] }

    /// The bytes of image `i`.
    public func image(_ i: Int) -> ArraySlice<UInt8> { pixels[(i * imageSize)..<((i + 1) * imageSize)] }

    /// Pixels of images `range` as Float, v/255 mapped linearly onto `interval` ([−1, 1] for training).
    public func floats(_ range: Range<Int>? = nil, interval: ClosedRange<Float> = 0...1) -> [Float] {
        let r = range ?? 0..<count
        let scale = (interval.upperBound - interval.lowerBound) / 255
        return pixels[(r.lowerBound * imageSize)..<(r.upperBound * imageSize)].map { Float($0) * scale + interval.lowerBound }
    }
}

/// The training or the test split.
public enum ImageSplit: String, Sendable, CaseIterable { case train, test }
