import Foundation

/// Reading NumPy .npy files (format 1.0–3.0): little-endian float32 or float64, C order — points
/// of shape (n, 2), or arrays of any shape (images [n, c, h, w]). Every fault names the file.
public enum NPY {
    /// Points of shape (n, 2), all finite.
    public static func readPoints(_ url: URL) throws -> [SIMD2<Double>] {
        let (shape, values) = try readArray(url) { dims in
            dims.count == 2 && dims[1] == 2 && dims[0] >= 1 ? nil : "expected shape (n, 2), found (\(dims.map(String.init).joined(separator: ", ")))"
        }
        var points: [SIMD2<Double>] = []
        points.reserveCapacity(shape[0])
        for i in 0..<shape[0] {
            guard values[2 * i].isFinite && values[2 * i + 1].isFinite else { throw PointsCSV.ReadError.unreadable(url.path, "non-finite value in row \(i)") }
            points.append(SIMD2(values[2 * i], values[2 * i + 1]))
        }
        return points
    }

    /// The shape and values (C order) of an array whose shape `check` accepts (it returns the
    /// fault otherwise).
    public static func readArray(_ url: URL, check: ([Int]) -> String?) throws -> (shape: [Int], values: [Double]) {
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
        if let fault = check(dims) { throw fail(fault) }
        let (count, overflow) = dims.reduce((1, false)) { acc, n in
            let (p, o) = acc.0.multipliedReportingOverflow(by: n)
            return (p, acc.1 || o || n < 0)
        }
        let body = start + headerLength
        guard !overflow, data.count == body + count * width else {
            throw fail("expected \(overflow ? "fewer" : String(count * width)) bytes of data for shape (\(dims.map(String.init).joined(separator: ", "))), found \(data.count - body)")
        }
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let o = body + i * width
            if width == 4 {
                let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[o + $1]) << (8 * UInt32($1)) }
                values[i] = Double(Float(bitPattern: bits))
            } else {
                let bits = (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[o + $1]) << (8 * UInt64($1)) }
                values[i] = Double(bitPattern: bits)
            }
        }
        return (dims, values)
    }
}
