import Datasets
import Foundation
import Runs
import Stats
import Testing

@Suite(.serialized) struct UserDataTests {
    /// A CSV of moons with labels: training uses the training part only, metrics score against the
    /// held-out part, a run's config.json reproduces it, and the labels make it conditional.
    @Test func aRunOnAUsersFileTrainsOnItsTrainingPartAndScoresOnTheRest() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let draw = ToyDataset.moons.sampleLabeled(1000, rng: GSLRandom(seed: 8))
        let file = folder.appendingPathComponent("points.csv")
        try FileFormats.pointsCSV(draw.points.flatMap { [Float($0.x), Float($0.y)] }, labels: draw.labels).write(to: file)
        var c = tinyConfiguration()
        c.data = DataConfiguration(file: file.path)
        c.data.heldOut = 0.25
        let source = try c.data.source(seed: c.seed)
        guard case .file(let user) = source else { Issue.record("not a file source"); return }
        #expect(user.training.points.count == 750 && user.heldOut.points.count == 250 && user.classes == 2)
        // The split is a partition of the file's points.
        let all = Set((user.training.points + user.heldOut.points).map { "\(Float($0.x)),\(Float($0.y))" })
        #expect(all == Set(draw.points.map { "\(Float($0.x)),\(Float($0.y))" }))
        let run = folder.appendingPathComponent("run")
        let record = try quietRun(run).start(c, force: false)
        #expect(record.status == .complete)
        let data = try PointsCSV.read(RunDirectory(run).dataCSV)
        #expect(data.count == 750)
        let metrics = try String(contentsOf: RunDirectory(run).metrics, encoding: .utf8)
        #expect(metrics.contains("held-out part of points"))
        let again = try ConfigurationFile.read(RunDirectory(run).config)
        #expect(again == record.configuration)
        c.model.conditional = true
        c.sampling.label = 1
        try c.validate()
        c.sampling.label = 2
        #expect(throws: RunError.self) { try c.validate() }
    }

    /// .npy files written by toy read back, in float32 and float64; faults name the file.
    @Test func npyFilesReadBackAndFaultsNameTheFile() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xy: [Float] = [0.5, -1, 2.25, 3, -4, 1e-3]
        let f32 = folder.appendingPathComponent("a.npy")
        try FileFormats.npy(xy, shape: [3, 2]).write(to: f32)
        #expect(try NPY.readPoints(f32) == stride(from: 0, to: 6, by: 2).map { SIMD2(Double(xy[$0]), Double(xy[$0 + 1])) })
        // float64, written by hand in the same layout.
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        var bytes = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8))
        for v in [1.5, -2.0, 1e-9, 7.0] { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        let f64 = folder.appendingPathComponent("b.npy")
        try bytes.write(to: f64)
        #expect(try NPY.readPoints(f64) == [SIMD2(1.5, -2.0), SIMD2(1e-9, 7.0)])
        let truncated = folder.appendingPathComponent("c.npy")
        try bytes.dropLast(3).write(to: truncated)
        #expect { try NPY.readPoints(truncated) } throws: { "\($0)".contains("c.npy") && "\($0)".contains("bytes of data") }
        let wrongShape = folder.appendingPathComponent("d.npy")
        try FileFormats.npy(xy, shape: [2, 3]).write(to: wrongShape)
        #expect { try NPY.readPoints(wrongShape) } throws: { "\($0)".contains("shape (n, 2)") }
    }
}
