import Foundation
import NN
import Runs
import Stats
import Testing
import Training

/// Seeded fuzzing of the files toy reads back: a few hundred mutated checkpoints, model files and
/// CSVs, plus the crafted headers of issue 13. Every one must end in a value or a thrown error —
/// never a trap (which would kill this test process) or a hang.
@Suite(.serialized) struct FuzzTests {
    /// A tiny finished run: its folder and a fresh session of the same configuration to restore into.
    func tinyRun() throws -> (URL, RunConfiguration) {
        let url = temporaryFolder()
        _ = try quietRun(url).start(tinyConfiguration(), force: false)
        return (url, tinyConfiguration())
    }

    /// Parses `bytes` as a checkpoint and, when that succeeds, restores it into a fresh session.
    func tryRestore(_ bytes: [UInt8], _ c: RunConfiguration) -> String {
        do {
            let s = try Safetensors(data: Data(bytes), file: "fuzz.safetensors")
            try c.makeSession().restore(s, file: "fuzz.safetensors")
            return "restored"
        } catch { return "\(error)" }
    }

    /// A safetensors file of one F32 entry with the given header fields.
    func crafted(shape: String, offsets: String = "[0, 8]", data: Int = 8, metadata: String = "") -> [UInt8] {
        let header = "{\(metadata)\"t\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":\(offsets)}}"
        var bytes = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init)
        bytes += Array(header.utf8) + [UInt8](repeating: 0, count: data)
        return bytes
    }

    @Test func craftedHeadersAreRefusedNamingTheFault() throws {
        for (shape, offsets) in [
            ("[9223372036854775808]", "[0, 8]"), ("[4611686018427387904]", "[0, 8]"), ("[1e30]", "[0, 8]"), ("[4294967296, 4294967296]", "[0, 8]"),
            ("[-1, -128]", "[0, 8]"), ("[2]", "[0, 18446744073709551615]"), ("[2]", "[-8, 0]"), ("[\"a\", 2]", "[0, 8]"), ("[2.5]", "[0, 8]"),
        ] {
            #expect(throws: CheckpointError.self, "\(shape) \(offsets)") { try Safetensors(data: Data(crafted(shape: shape, offsets: offsets)), file: "f") }
        }
        // Two entries over the same bytes, and a hole between entries.
        for body in ["\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}",
                     "\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]},\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[4,6]}"] {
            let header = "{\(body)}"
            let bytes = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init) + Array(header.utf8) + [UInt8](repeating: 0, count: body.contains("[4,6]") ? 6 : 4)
            #expect(throws: CheckpointError.self) { try Safetensors(data: Data(bytes), file: "f") }
        }
    }

    @Test func mutatedCheckpointsNeverTrap() throws {
        let (url, c) = try tinyRun()
        defer { try? FileManager.default.removeItem(at: url) }
        let original = [UInt8](try Data(contentsOf: RunDirectory(url).checkpoint))
        #expect(tryRestore(original, c) == "restored")
        let headerEnd = 8 + Int(original[0]) + Int(original[1]) << 8 + Int(original[2]) << 16
        let rng = GSLRandom(seed: 2026, stream: .evaluation)
        var refused = 0
        for trial in 0..<300 {
            var bytes = original
            switch trial % 4 {
            case 0:  // flip a few bytes of the JSON header
                for _ in 0..<(1 + rng.uniformInt(below: 4)) { bytes[8 + rng.uniformInt(below: headerEnd - 8)] = UInt8(rng.uniformInt(below: 256)) }
            case 1:  // truncate
                bytes = Array(bytes.prefix(rng.uniformInt(below: bytes.count)))
            case 2:  // overwrite bytes anywhere
                for _ in 0..<(1 + rng.uniformInt(below: 16)) { bytes[rng.uniformInt(below: bytes.count)] = UInt8(rng.uniformInt(below: 256)) }
            default:  // rewrite a number of the header (sizes, offsets, metadata counters)
                let text = String(decoding: bytes[8..<headerEnd], as: UTF8.self)
                let digits = text.indices.filter { text[$0].isNumber }
                guard !digits.isEmpty else { continue }
                let at = digits[rng.uniformInt(below: digits.count)]
                let replacement = ["9223372036854775807", "-1", "1e30", "4294967296", "0", "99999999999"][rng.uniformInt(below: 6)]
                let edited = String(text[..<at]) + replacement + String(text[text.index(after: at)...])
                bytes = withUnsafeBytes(of: UInt64(edited.utf8.count).littleEndian, Array.init) + Array(edited.utf8) + Array(bytes[headerEnd...])
            }
            if tryRestore(bytes, c) != "restored" { refused += 1 }
        }
        #expect(refused > 150, "only \(refused) of 300 mutations were refused: the fuzzing did not reach the checks")
    }

    /// A random-generator state of all 0xFF bytes (or all zeros) is refused on resume, not looped on in GSL.
    @Test func corruptRandomStatesAreRefused() throws {
        let (url, c) = try tinyRun()
        defer { try? FileManager.default.removeItem(at: url) }
        let file = RunDirectory(url).checkpoint
        let original = try Safetensors(contentsOf: file)
        guard case .uint8(let state)? = original.entries["rng.batch"] else { Issue.record("no rng.batch"); return }
        for fill: UInt8 in [0xFF, 0] {
            var s = original
            s.entries["rng.batch"] = .uint8([UInt8](repeating: fill, count: state.count))
            #expect(tryRestore([UInt8](s.encoded()), c).contains("random generator state is corrupt"), "fill \(fill)")
        }
    }

    @Test func mutatedCSVsNeverTrap() throws {
        let rng = GSLRandom(seed: 7, stream: .evaluation)
        let base = Array("x,y,label\n1.5,-2,0\n3,4e-3,1\n-0.25,7,0\n".utf8)
        let alphabet = Array("0123456789.,-+eE\r\n \tnaifxyl\u{0}".utf8) + [0xFF, 0xC3]
        let url = temporaryFolder().appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: url) }
        for _ in 0..<300 {
            var bytes = base
            for _ in 0..<(1 + rng.uniformInt(below: 6)) {
                let at = rng.uniformInt(below: bytes.count)
                switch rng.uniformInt(below: 3) {
                case 0: bytes[at] = alphabet[rng.uniformInt(below: alphabet.count)]
                case 1: bytes.insert(alphabet[rng.uniformInt(below: alphabet.count)], at: at)
                default: if bytes.count > 1 { bytes.remove(at: at) }
                }
            }
            try Data(bytes).write(to: url)
            if let read = try? PointsCSV.readLabeled(url) {
                #expect(read.points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
                #expect(read.labels == nil || read.labels!.count == read.points.count)
            }
        }
    }
}
