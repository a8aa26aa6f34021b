/// A dense, row-major array of `Float` with a shape of any rank: `[batch, features]` for the 2-D
/// path, `[batch, channels, height, width]` for images. A value type (copy-on-write storage).
public struct Tensor: Sendable, Equatable {
    public private(set) var shape: [Int]
    public var scalars: [Float]

    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        precondition(
            shape.reduce(1, *) == scalars.count,
            "Tensor: shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    public init(zeros shape: [Int]) { self.init(repeating: 0, shape: shape) }

    /// A rank-0 tensor holding one value.
    public init(scalar: Float) { self.init(shape: [], scalars: [scalar]) }

    /// A tensor whose scalars are produced by `body` writing into uninitialized storage.
    public init(shape: [Int], unsafeUninitialized body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        let n = shape.reduce(1, *)
        self.shape = shape
        self.scalars = [Float](unsafeUninitializedCapacity: n) { buffer, count in
            body(buffer)
            count = n
        }
    }

    public var count: Int { scalars.count }
    public var rank: Int { shape.count }

    /// The same scalars under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor { Tensor(shape: newShape, scalars: scalars) }

    /// The single value of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "Tensor.scalar: tensor of shape \(shape) has \(count) elements")
        return scalars[0]
    }

    /// Rows × columns view of a tensor whose last axis is the feature axis.
    public var matrixShape: (rows: Int, columns: Int) {
        let columns = shape.last ?? 1
        return (columns == 0 ? 0 : count / columns, columns)
    }

    /// The first axis and the size of one entry along it: [batch, …] → (batch, elements per sample).
    public var batchShape: (batch: Int, perSample: Int) {
        let batch = shape.first ?? 1
        return (batch, batch == 0 ? 0 : count / batch)
    }

    /// Entries `range` of the first axis, with the remaining axes unchanged.
    public func rows(_ range: Range<Int>) -> Tensor {
        let per = batchShape.perSample
        return Tensor(shape: [range.count] + shape.dropFirst(), scalars: Array(scalars[(range.lowerBound * per)..<(range.upperBound * per)]))
    }

    /// Tensors of equal trailing shape stacked along the first axis.
    public static func concatenatingRows(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "Tensor.concatenatingRows: no parts")
        let tail = Array(parts[0].shape.dropFirst())
        precondition(parts.allSatisfy { Array($0.shape.dropFirst()) == tail }, "Tensor.concatenatingRows: trailing shapes differ")
        return Tensor(shape: [parts.map { $0.shape.first ?? 1 }.reduce(0, +)] + tail, scalars: parts.flatMap(\.scalars))
    }
}
