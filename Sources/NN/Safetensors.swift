import Engine
import Foundation

/// The safetensors format (Hugging Face): an 8-byte little-endian header length N, N bytes of
/// JSON `{"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {…}}`
/// (padded with spaces to 8 bytes), then the raw little-endian data. Python's `safetensors`
/// and PyTorch read these files. toy stores F32 tensors and U8 blobs (random-generator state).
public struct Safetensors: Equatable {
    /// One stored array: F32 tensor or raw bytes.
    public enum Entry: Equatable {
        case float32(Tensor)
        case uint8([UInt8])
    }

    public var entries: [String: Entry]
    public var metadata: [String: String]

    public init(entries: [String: Entry] = [:], metadata: [String: String] = [:]) {
        self.entries = entries
        self.metadata = metadata
    }

    public init(tensors: [String: Tensor], metadata: [String: String] = [:]) {
        self.init(entries: tensors.mapValues { .float32($0) }, metadata: metadata)
    }

    /// The F32 entries.
    public var tensors: [String: Tensor] {
        entries.compactMapValues { if case .float32(let t) = $0 { return t } else { return nil } }
    }

    /// The serialized file contents.
    public func encoded() -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var payload = Data()
        for name in entries.keys.sorted() {
            let begin = payload.count
            switch entries[name]! {
            case .float32(let t):
                t.scalars.withUnsafeBufferPointer { p in
                    for x in p { withUnsafeBytes(of: x.bitPattern.littleEndian) { payload.append(contentsOf: $0) } }
                }
                header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [begin, payload.count]]
            case .uint8(let bytes):
                payload.append(contentsOf: bytes)
                header[name] = ["dtype": "U8", "shape": [bytes.count], "data_offsets": [begin, payload.count]]
            }
        }
        var json = try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var out = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(json)
        out.append(payload)
        return out
    }

    /// Writes atomically (temporary file, then rename).
    public func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// Parses file contents; `file` names the source in errors.
    public init(data: Data, file: String) throws {
        func fail(_ why: String) -> CheckpointError { CheckpointError.corrupt(file: file, reason: why) }
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw fail("file is \(bytes.count) bytes, shorter than the 8-byte header length") }
        var n: UInt64 = 0
        for i in 0..<8 { n |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        guard n <= UInt64(bytes.count - 8) else {
            throw fail("header claims \(n) bytes but only \(bytes.count - 8) follow (truncated?)")
        }
        let headerEnd = 8 + Int(n)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd])),
            let header = object as? [String: Any]
        else { throw fail("header is not a JSON object") }
        let dataStart = headerEnd
        let dataCount = bytes.count - dataStart
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        var covered = 0
        var ranges: [(begin: Int, end: Int, name: String)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let m = value as? [String: String] else { throw fail("__metadata__ is not a string map") }
                metadata = m
                continue
            }
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String, info["shape"] != nil, info["data_offsets"] != nil else {
                throw fail("entry '\(name)' lacks dtype, shape or data_offsets")
            }
            guard let shape = Self.sizes(info["shape"]) else { throw fail("entry '\(name)' has a shape that is not a list of sizes 0…2^40") }
            guard let offsets = Self.sizes(info["data_offsets"]), offsets.count == 2 else {
                throw fail("entry '\(name)' has data_offsets that are not two byte positions")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin <= end, end <= dataCount else {
                throw fail("entry '\(name)' spans bytes \(begin)..<\(end) but the data holds \(dataCount) (truncated?)")
            }
            // The element count, refused before it could overflow or outgrow the bytes given.
            var elements = 1
            for d in shape {
                let (product, overflow) = elements.multipliedReportingOverflow(by: d)
                guard !overflow, product <= dataCount else { throw fail("entry '\(name)' has shape \(shape), more elements than the file's \(dataCount) data bytes") }
                elements = product
            }
            ranges.append((begin, end, name))
            covered += end - begin
            switch dtype {
            case "F32":
                guard end - begin == 4 * elements else { throw fail("entry '\(name)' has \(end - begin) bytes for shape \(shape) of F32") }
                var scalars = [Float](repeating: 0, count: elements)
                for i in 0..<elements {
                    let o = dataStart + begin + 4 * i
                    let bits = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
                    scalars[i] = Float(bitPattern: bits)
                }
                entries[name] = .float32(Tensor(shape: shape, scalars: scalars))
            case "U8":
                guard end - begin == elements else { throw fail("entry '\(name)' has \(end - begin) bytes for shape \(shape) of U8") }
                entries[name] = .uint8(Array(bytes[(dataStart + begin)..<(dataStart + end)]))
            default:
                throw fail("entry '\(name)' has dtype \(dtype); toy reads F32 and U8")
            }
        }
        // The entries tile the data: no overlaps, no holes.
        var position = 0
        for r in ranges.sorted(by: { ($0.begin, $0.end) < ($1.begin, $1.end) }) {
            guard r.begin == position else {
                throw fail(r.begin < position ? "entry '\(r.name)' overlaps another at byte \(r.begin)" : "bytes \(position)..<\(r.begin) belong to no entry")
            }
            position = r.end
        }
        guard covered == dataCount else { throw fail("entries cover \(covered) of \(dataCount) data bytes") }
        self.init(entries: entries, metadata: metadata)
    }

    /// A JSON list of whole numbers in 0…2^40 (sizes and byte positions), or nil.
    static func sizes(_ value: Any?) -> [Int]? {
        guard let list = value as? [Any] else { return nil }
        var out: [Int] = []
        for item in list {
            guard let n = item as? NSNumber else { return nil }
            let d = n.doubleValue
            guard d.isFinite, d >= 0, d <= 1_099_511_627_776, d == d.rounded() else { return nil }
            out.append(Int(d))
        }
        return out
    }

    /// Reads and parses a file; a missing or corrupt file throws an error naming it.
    public init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw CheckpointError.missing(file: url.path) }
        try self.init(data: try Data(contentsOf: url), file: url.path)
    }
}

/// A checkpoint that cannot be used, naming the file and the fault.
public enum CheckpointError: Error, CustomStringConvertible {
    case missing(file: String)
    case corrupt(file: String, reason: String)
    public var description: String {
        switch self {
        case .missing(let f): return "no checkpoint at '\(f)'"
        case .corrupt(let f, let r): return "checkpoint '\(f)' is corrupt: \(r)"
        }
    }
}
