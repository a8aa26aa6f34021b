import Engine
import Foundation
import NN
import Testing

@Suite struct SafetensorsTests {
    let file = Safetensors(
        entries: [
            "layers.0.weight": .float32(Tensor(shape: [2, 3], scalars: [1, -2, 3.5, 0, 1e-8, -7])),
            "layers.0.bias": .float32(Tensor(shape: [2], scalars: [0.25, -0.5])),
            "rng": .uint8([1, 2, 3, 250, 0]),
        ], metadata: ["step": "12"])

    @Test func roundTripIsExact() throws {
        let back = try Safetensors(data: file.encoded(), file: "x")
        #expect(back == file)
    }

    @Test func layoutFollowsTheSpecification() throws {
        let data = file.encoded()
        let n = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        #expect(n % 8 == 0)
        let header = try #require(try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + Int(n)))) as? [String: Any])
        let bias = try #require(header["layers.0.bias"] as? [String: Any])
        #expect(bias["dtype"] as? String == "F32")
        #expect((bias["shape"] as? [Int]) == [2])
        // Offsets are relative to the end of the header and tile the data exactly.
        var spans: [(Int, Int)] = []
        for (k, v) in header where k != "__metadata__" {
            let o = try #require((v as? [String: Any])?["data_offsets"] as? [Int])
            spans.append((o[0], o[1]))
        }
        spans.sort { $0.0 < $1.0 }
        #expect(spans.first?.0 == 0)
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.1 == b.0) }
        #expect(spans.last?.1 == data.count - 8 - Int(n))
    }

    @Test func truncatedFileNamesTheFileAndTheFault() throws {
        let data = file.encoded()
        #expect(throws: CheckpointError.self) { try Safetensors(data: data.prefix(data.count - 3), file: "/tmp/m.safetensors") }
        do {
            _ = try Safetensors(data: data.prefix(20), file: "/tmp/m.safetensors")
            Issue.record("a truncated header was accepted")
        } catch let e as CheckpointError {
            #expect(e.description.contains("/tmp/m.safetensors"))
            #expect(e.description.contains("truncated"))
        }
        #expect(throws: CheckpointError.self) { try Safetensors(data: Data([1, 2, 3]), file: "f") }
        var garbage = Data([16, 0, 0, 0, 0, 0, 0, 0])
        garbage.append(Data("not json at all!".utf8))
        #expect(throws: CheckpointError.self) { try Safetensors(data: garbage, file: "f") }
    }

    /// Python's own reader, when the safetensors package is installed (CI installs it).
    @Test func pythonSafetensorsReadsTheFile() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import safetensors.numpy, numpy"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            print("note: python3 with safetensors and numpy not installed; cross-check skipped")
            return
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toy-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", "-c",
            """
            import sys, safetensors.numpy as s
            d = s.load_file(sys.argv[1])
            w = d['layers.0.weight']
            assert w.shape == (2, 3) and w.dtype.str == '<f4' and abs(w[0, 2] - 3.5) < 1e-7, w
            assert list(d['rng']) == [1, 2, 3, 250, 0]
            """, url.path,
        ]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}
