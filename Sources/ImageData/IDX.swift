/// The IDX format of MNIST and Fashion-MNIST (LeCun et al. 1998): two zero bytes, a type byte
/// (0x08 = unsigned bytes, the only one these datasets use), the number of dimensions, each
/// dimension as a big-endian UInt32, then the values in row-major order.
public struct IDXArray: Equatable, Sendable {
    public var shape: [Int]
    public var values: [UInt8]

    public init(shape: [Int], values: [UInt8]) {
        precondition(shape.reduce(1, *) == values.count, "IDXArray: shape \(shape) needs \(shape.reduce(1, *)) values, got \(values.count)")
        (self.shape, self.values) = (shape, values)
    }

    /// Parses `bytes` read from `file` (named in errors).
    public init(bytes: [UInt8], file: String) throws {
        func fail(_ reason: String) -> ImageDataError { .corrupt(file: file, reason: reason) }
        guard bytes.count >= 4 else { throw fail("too short for an IDX header (\(bytes.count) bytes)") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw fail("not an IDX file (magic bytes \(bytes[0..<4].map { String($0, radix: 16) }.joined(separator: " ")), expected 00 00 08 0n)")
        }
        guard bytes[2] == 0x08 else { throw fail("IDX element type 0x\(String(bytes[2], radix: 16)) is not unsigned bytes (0x08)") }
        let rank = Int(bytes[3])
        guard rank >= 1 && rank <= 4 else { throw fail("IDX rank \(rank) is not 1–4") }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else { throw fail("truncated header: \(rank) dimensions need \(headerSize) bytes, found \(bytes.count)") }
        var shape: [Int] = []
        for d in 0..<rank {
            let o = 4 + 4 * d
            shape.append(Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3]))
        }
        let (count, overflow) = shape.reduce((1, false)) { acc, n in
            let (p, o) = acc.0.multipliedReportingOverflow(by: n)
            return (p, acc.1 || o)
        }
        guard !overflow else { throw fail("dimensions \(shape) are too large") }
        let found = bytes.count - headerSize
        guard found >= count else { throw fail("truncated: dimensions \(shape) need \(count) bytes of data, found \(found)") }
        guard found == count else { throw fail("\(found - count) bytes after the \(count) that dimensions \(shape) describe") }
        self.init(shape: shape, values: Array(bytes[headerSize...]))
    }

    /// Reads an IDX file, gzip-compressed or not.
    public init(contentsOf path: String) throws { try self.init(bytes: try Gzip.contents(of: path), file: path) }

    /// The file's bytes (uncompressed).
    public var encoded: [UInt8] {
        var out: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for n in shape { out += [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
        return out + values
    }
}
