import CZlib
import Foundation

/// Whole-file reading through zlib's gzread, which inflates gzip files (RFC 1952) and passes plain
/// files through unchanged, so `x.gz` and an unpacked `x` read alike.
enum Gzip {
    /// The (inflated) bytes of `path`; a damaged or truncated gzip stream is an error naming the file.
    static func contents(of path: String) throws -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: path) else { throw ImageDataError.corrupt(file: path, reason: "cannot be read") }
        guard let file = gzopen(path, "rb") else { throw ImageDataError.corrupt(file: path, reason: "cannot be opened") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                var code: Int32 = 0
                let message = String(cString: gzerror(file, &code))
                gzclose_r(file)
                throw ImageDataError.corrupt(file: path, reason: "damaged compressed data (\(message))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(n)])
        }
        // gzclose_r reports a stream that ended early (Z_BUF_ERROR) only here.
        let status = gzclose_r(file)
        guard status == Z_OK else {
            throw ImageDataError.corrupt(file: path, reason: status == Z_BUF_ERROR ? "compressed data ends early (truncated file)" : "read error \(status)")
        }
        return bytes
    }
}
