import Foundation

/// Reading NumPy .npy files (format 1.0–3.0) of 2-D points: little-endian float32 or float64,
/// C order, shape (n, 2). Every fault names the file.
public enum NPY {
    public static func readPoints(_ url: URL) throws -> [SIMD2<Double>] {
        let path = url.path
        func fail(_ why: String) -> PointsCSV.ReadError { .unreadable(path, why) }
        guard FileManager.default.fileExists(atPath: path) else { throw PointsCSV.ReadError.missing(path) }
        let data: [UInt8]
        do { data = [UInt8](try Data(contentsOf: url)) } catch { throw fail(error.localizedDescription) }
        guard data.count >= 10, data[0] == 0x93, Array(data[1...5]) == Array("NUMPY".utf8) else { throw fail("not a .npy file (bad magic)") }
        let major = data[6]
        let headerLength: Int
        let start: Int
        switch major {
        case 1:
            headerLength = Int(data[8]) | Int(data[9]) << 8
            start = 10
        case 2, 3:
            guard data.count >= 12 else { throw fail("truncated header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(data[8 + $1]) << (8 * $1) }
            start = 12
        default:
            throw fail("unsupported .npy version \(major)")
        }
        guard data.count >= start + headerLength else { throw fail("truncated header") }
        let header = String(decoding: data[start..<(start + headerLength)], as: UTF8.self)
        let width: Int
        if header.contains("'descr': '<f4'") {
            width = 4
        } else if header.contains("'descr': '<f8'") {
            width = 8
        } else {
            throw fail("expected little-endian float32 or float64 data ('<f4' or '<f8'), header \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard header.contains("'fortran_order': False") else { throw fail("Fortran-ordered arrays are not supported") }
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw fail("header has no shape")
        }
        let dims = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard dims.count == 2, dims[1] == 2, dims[0] >= 1 else { throw fail("expected shape (n, 2), found (\(header[open.upperBound..<close]))") }
        let n = dims[0]
        let body = start + headerLength
        guard data.count == body + n * 2 * width else {
            throw fail("expected \(n * 2 * width) bytes of data for shape (\(n), 2), found \(data.count - body)")
        }
        var points: [SIMD2<Double>] = []
        points.reserveCapacity(n)
        for i in 0..<n {
            var xy = [Double](repeating: 0, count: 2)
            for j in 0..<2 {
                let o = body + (2 * i + j) * width
                if width == 4 {
                    let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[o + $1]) << (8 * UInt32($1)) }
                    xy[j] = Double(Float(bitPattern: bits))
                } else {
                    let bits = (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[o + $1]) << (8 * UInt64($1)) }
                    xy[j] = Double(bitPattern: bits)
                }
            }
            guard xy[0].isFinite && xy[1].isFinite else { throw fail("non-finite value in row \(i)") }
            points.append(SIMD2(xy[0], xy[1]))
        }
        return points
    }
}
