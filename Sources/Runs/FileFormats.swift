import Foundation

/// Writers for the files of a run folder. Every write is atomic (temporary file, then rename),
/// so an interrupted run never leaves a half-written file.
public enum FileFormats {
    /// The path of `url` relative to the folder `base` ("../x/y" where needed), both taken as
    /// absolute, standardized paths.
    public static func relativePath(of url: URL, from base: URL) -> String {
        let target = url.standardizedFileURL.pathComponents, origin = base.standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, origin.count) && target[common] == origin[common] { common += 1 }
        let parts = Array(repeating: "..", count: origin.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Writes `data` atomically, turning a failure into an error naming the file.
    public static func write(_ data: Data, to url: URL) throws {
        // Written beside the target under a name --force recognises, then renamed over it (rename(2)
        // is atomic): a reader sees the old file or the new one, and a kill leaves only a partial file.
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(partialSuffix)")
        do {
            try data.write(to: partial)
            guard rename(partial.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: partial)
                throw RunError.io(path: url.path, reason: reason)
            }
        } catch let e as RunError {
            throw e
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw RunError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The suffix of a file being written (see `write`).
    public static let partialSuffix = ".toy-partial"

    /// CSV with header `x,y` (and `label` when labels are given), one point per line (shortest
    /// round-trip decimal form).
    public static func pointsCSV(_ xy: [Float], labels: [Int]? = nil) -> Data {
        var s = labels == nil ? "x,y\n" : "x,y,label\n"
        s.reserveCapacity(xy.count * 12)
        for i in stride(from: 0, to: xy.count - 1, by: 2) {
            if let labels { s += "\(xy[i]),\(xy[i + 1]),\(labels[i / 2])\n" } else { s += "\(xy[i]),\(xy[i + 1])\n" }
        }
        return Data(s.utf8)
    }

    /// CSV with a header and rows of numbers.
    public static func table(header: [String], rows: [[Double]]) -> Data {
        var s = header.joined(separator: ",") + "\n"
        for r in rows { s += r.map { "\($0)" }.joined(separator: ",") + "\n" }
        return Data(s.utf8)
    }

    /// NumPy .npy version 1.0: magic, little-endian header length, a Python-dict header padded
    /// with spaces to a multiple of 64 bytes ending in a newline, then raw little-endian float32.
    public static func npy(_ scalars: [Float], shape: [Int]) -> Data {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(dims), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        withUnsafeBytes(of: UInt16(header.utf8.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: Array(header.utf8))
        scalars.withUnsafeBufferPointer { p in
            for x in p { withUnsafeBytes(of: x.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    /// JSON of an Encodable value, keys sorted: pretty with a final newline, or `compact` on one line.
    /// JSON has no NaN or infinity: a non-finite number is written as null (readers see a missing
    /// value, never a made-up one).
    public static func json(_ value: some Encodable, compact: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite, negativeInfinity: nonFinite, nan: nonFinite)
        var data = try encoder.encode(value)
        let marker = Data("\"\(nonFinite)\"".utf8)
        if data.range(of: marker) != nil {
            data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"\(nonFinite)\"", with: "null").utf8)
        }
        if !compact { data.append(0x0A) }
        return data
    }

    /// The placeholder `json` writes non-finite numbers as before turning them into null.
    static let nonFinite = "toy:non-finite-number"

    /// Whether `value` encodes any non-finite number (JSON null in `json`'s output).
    public static func holdsNonFinite(_ value: some Encodable) -> Bool {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: nonFinite, negativeInfinity: nonFinite, nan: nonFinite)
        guard let data = try? encoder.encode(value) else { return false }
        return data.range(of: Data(nonFinite.utf8)) != nil
    }
}
