import Datasets
import Diffusion
import Engine
import Foundation
import Models
import NN
import Runs
import Stats
import Testing
import Training

/// A configuration small enough for tests (a second or so in release mode).
func tinyConfiguration(_ dataset: ToyDataset = .moons, seed: UInt64 = 0) -> RunConfiguration {
    var c = DatasetDefaults.forDataset(dataset).configuration(for: dataset, seed: seed)
    c.training.steps = 60
    c.training.batchSize = 64
    c.data.size = 2000
    c.model.width = 32
    c.model.inputFrequencies = 4
    c.process.timesteps = 50
    c.sampling.steps = 50
    c.sampling.samples = 300
    c.training.checkpointEvery = 20
    c.threads = 1
    return c
}

func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("toy-test-\(UUID().uuidString)")
}

func quietRun(_ url: URL) -> ToyRun {
    var r = ToyRun(directory: RunDirectory(url))
    r.quiet = true
    r.log = { _ in }
    return r
}

@Suite(.serialized) struct RunTests {
    @Test func tinyRunWritesEveryPromisedFile() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        let record = try quietRun(url).start(tinyConfiguration(), force: false)
        let d = RunDirectory(url)
        for f in d.runFiles { #expect(FileManager.default.fileExists(atPath: f.path), "missing \(f.lastPathComponent)") }
        #expect(record.status == .complete)
        #expect(record.results?.trainedSteps == 60)
        #expect(record.results?.nonFiniteSamples == 0)
        let saved = try RunRecord.load(d)
        #expect(saved.configuration == tinyConfiguration())
        #expect(saved.toolkit.version == Toolkit.version)
        #expect(saved.toolkit.convolutions?.contains("channel block \(ImageLayout.channelBlock)") == true)
        #expect(saved.timings != nil)
        let csv = try String(contentsOf: d.samplesCSV, encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "x,y" && csv.count == 301)
        // samples.npy: magic, version 1.0, header padded to 64 bytes, then 300 × 2 float32.
        let npy = try Data(contentsOf: d.samplesNPY)
        #expect(Array(npy.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let headerLength = Int(npy[8]) | Int(npy[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(String(decoding: npy[10..<(10 + headerLength)], as: UTF8.self).contains("'shape': (300, 2)"))
        #expect(npy.count == 10 + headerLength + 300 * 2 * 4)
        // model.safetensors holds the EMA weights under the network's parameter names.
        let model = try Safetensors(contentsOf: d.model)
        #expect(model.tensors["layers.0.weight"]?.shape == [32, 2 + 4 * 2 * 2 + 64])
        #expect(model.metadata["prediction"] == "epsilon")
    }

    /// A folder another process writes to is refused (toy run and --resume), and usable again once
    /// its lock is released; --force clears the partial files a killed write left; non-finite
    /// results are written as null and read back as absent.
    @Test func aLockedRunFolderIsRefusedAndForceClearsPartialFiles() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let held = try RunLock(url)
        #expect(errorText { _ = try quietRun(url).start(tinyConfiguration(), force: false) }?.contains("another toy process (pid \(getpid())) is writing to") == true)
        held.release()
        _ = try quietRun(url).start(tinyConfiguration(), force: false)
        let other = try RunLock(url)
        #expect(errorText { _ = try quietRun(url).resume() }?.contains("another toy process") == true)
        other.release()
        let partial = url.appendingPathComponent(".samples.csv\(FileFormats.partialSuffix)")
        try Data("half a file".utf8).write(to: partial)
        #expect(errorText { _ = try quietRun(url).start(tinyConfiguration(), force: false) }?.contains("--force") == true)
        var one = tinyConfiguration()
        one.sampling.samples = 1
        let record = try quietRun(url).start(one, force: true)
        #expect(!FileManager.default.fileExists(atPath: partial.path))
        #expect(record.results.map { $0.sampleStd.contains { !$0.isFinite } } == true)
        let text = try String(contentsOf: RunDirectory(url).config, encoding: .utf8)
        #expect(text.contains("null") && !text.contains("nan"))
        let loaded = try RunRecord.load(RunDirectory(url))
        #expect(loaded.status == .complete && loaded.results == nil)
    }

    @Test func sameSeedGivesByteIdenticalSamples() throws {
        let (a, b) = (temporaryFolder(), temporaryFolder())
        defer { for u in [a, b] { try? FileManager.default.removeItem(at: u) } }
        _ = try quietRun(a).start(tinyConfiguration(seed: 3), force: false)
        _ = try quietRun(b).start(tinyConfiguration(seed: 3), force: false)
        let (da, db) = (RunDirectory(a), RunDirectory(b))
        #expect(try Data(contentsOf: da.samplesCSV) == Data(contentsOf: db.samplesCSV))
        #expect(try Data(contentsOf: da.model) == Data(contentsOf: db.model))
    }

    @Test func changingTheSampleCountDoesNotChangeTraining() throws {
        let (a, b) = (temporaryFolder(), temporaryFolder())
        defer { for u in [a, b] { try? FileManager.default.removeItem(at: u) } }
        var c = tinyConfiguration()
        _ = try quietRun(a).start(c, force: false)
        c.sampling.samples = 100
        _ = try quietRun(b).start(c, force: false)
        #expect(try Data(contentsOf: RunDirectory(a).model) == Data(contentsOf: RunDirectory(b).model))
    }

    /// Checkpoint, reload into a fresh session, continue: bit-identical to training straight through.
    @Test func resumedTrainingEqualsUninterruptedTraining() throws {
        let c = tinyConfiguration()
        let straight = try c.makeSession()
        for _ in 0..<40 { straight.trainStep() }
        let first = try c.makeSession()
        for _ in 0..<25 { first.trainStep() }
        let saved = try Safetensors(data: first.checkpoint().encoded(), file: "memory")
        let resumed = try c.makeSession()
        try resumed.restore(saved, file: "memory")
        #expect(resumed.step == 25)
        for _ in 0..<15 { resumed.trainStep() }
        for (p, q) in zip(straight.network.parameters, resumed.network.parameters) { #expect(p.value == q.value, "\(p.name)") }
        #expect(straight.losses == resumed.losses)
        #expect(straight.ema.shadow == resumed.ema.shadow)
    }

    @Test func interruptedRunSavesAResumableCheckpoint() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        var interrupted = quietRun(url)
        interrupted.interruptRequested = { true }  // as if Ctrl-C had been pressed
        do {
            _ = try interrupted.start(tinyConfiguration(), force: false)
            Issue.record("the run ignored the interrupt")
        } catch let e as RunError {
            #expect(e.description.contains("--resume"))
        }
        #expect(FileManager.default.fileExists(atPath: RunDirectory(url).checkpoint.path))
        #expect(try RunRecord.load(RunDirectory(url)).status == .interrupted)
        let record = try quietRun(url).resume()
        #expect(record.status == .complete && record.results?.trainedSteps == 60)
    }

    @Test func divergenceStopsKeepsTheLastGoodCheckpointAndSaysHowToResume() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        var c = tinyConfiguration()
        c.training.lr = 1e30
        c.training.gradClip = 1e30
        c.training.warmupSteps = 0
        do {
            _ = try quietRun(url).start(c, force: false)
            Issue.record("a run with lr 1e30 did not diverge")
        } catch let e as RunError {
            #expect(e.description.contains("NaN"))
            #expect(e.description.contains("--lr"))
        }
        #expect(try RunRecord.load(RunDirectory(url)).status == .diverged)
        #expect(!FileManager.default.fileExists(atPath: RunDirectory(url).samplesCSV.path))
    }

    @Test func existingFolderIsRefusedWithoutForce() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: url.appendingPathComponent("notes.txt"))
        #expect(throws: RunError.self) { try quietRun(url).start(tinyConfiguration(), force: false) }
        _ = try quietRun(url).start(tinyConfiguration(), force: true)
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("notes.txt").path), "--force removed a foreign file")
    }

    @Test func unwritableFolderFailsBeforeTraining() {
        #expect(throws: RunError.self) { try quietRun(URL(fileURLWithPath: "/proc/toy-cannot-write")).start(tinyConfiguration(), force: false) }
    }

    @Test func corruptCheckpointNamesTheFile() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try quietRun(url).start(tinyConfiguration(), force: false)
        let file = RunDirectory(url).checkpoint
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        do {
            _ = try quietRun(url).resume(trainSteps: 80)
            Issue.record("a truncated checkpoint was accepted")
        } catch let e as CheckpointError {
            #expect(e.description.contains(file.path))
        }
    }

    @Test func validationNamesTheFlag() {
        func message(_ edit: (inout RunConfiguration) -> Void) -> String {
            var c = tinyConfiguration()
            edit(&c)
            do { try c.validate(); return "" } catch { return "\(error)" }
        }
        #expect(message { $0.training.lr = 0 }.contains("--lr"))
        #expect(message { $0.training.lr = -1 }.contains("--lr"))
        #expect(message { $0.training.batchSize = 0 }.contains("--batch-size"))
        #expect(message { $0.sampling.samples = -5 }.contains("--samples"))
        #expect(message { $0.process.timesteps = 1 }.contains("--timesteps"))
        #expect(message { $0.data.noise = -0.1 }.contains("--noise"))
        #expect(message { $0.sampling.steps = 51 }.contains("--sample-steps"))
        #expect(
            message {
                $0.process.timesteps = 10; $0.sampling.steps = 10
            }.contains("--timesteps"))  // linear needs T > 20
        #expect(message { _ in }.isEmpty)
    }
}

@Suite struct ShardingTests {
    /// The sharded gradient (two tapes, weighted by shard size) equals the whole batch's gradient
    /// on one tape: sharding is an implementation detail, not a change of the objective.
    @Test func shardedGradientEqualsWholeBatchGradient() throws {
        var c = tinyConfiguration()
        c.training.batchSize = 7  // uneven shards: 3 and 4 rows
        let session = try c.makeSession()
        let rng = GSLRandom(seed: 11)
        let x0 = rng.gaussians(14), noise = rng.gaussians(14)
        let times = (0..<7).map { _ in Double(rng.uniformInt(below: c.process.timesteps)) }
        let (loss, gradients, failure) = session.shardedGradients(
            x0: Tensor(shape: [7, 2], scalars: x0), labels: nil, times: times, noise: Tensor(shape: [7, 2], scalars: noise))
        let tape = Tape()
        let whole = denoisingLoss(
            tape: tape, prediction: .epsilon, x0: Tensor(shape: [7, 2], scalars: x0), noise: Tensor(shape: [7, 2], scalars: noise),
            levels: NoiseBatch(process: session.process, times: times, prediction: .epsilon)
        ) { session.network($0, times: $1) }
        session.network.zeroGrad()
        tape.backward(whole)
        #expect(failure == nil)
        #expect(abs(loss - whole.value.scalar) < 1e-5 * max(1, abs(loss)))
        for (p, g) in zip(session.network.parameters, gradients) {
            for i in 0..<g.count {
                #expect(abs(g.scalars[i] - p.grad.scalars[i]) <= 1e-4 * max(1, abs(p.grad.scalars[i])), "\(p.name)[\(i)]")
            }
        }
    }

    @Test func oneAndTwoThreadsTrainIdentically() throws {
        func train(threads: Int) throws -> [Tensor] {
            var c = tinyConfiguration()
            c.threads = threads
            BLAS.setThreads(threads)
            defer { BLAS.setThreads(1) }
            let s = try c.makeSession()
            for _ in 0..<10 { s.trainStep() }
            return s.network.parameters.map(\.value)
        }
        #expect(try train(threads: 1) == train(threads: 2))
    }
}

@Suite(.serialized) struct EvaluationTests {
    /// Row blocks evaluated concurrently give exactly what one tape gives for the whole batch.
    @Test func blockwiseEvaluationEqualsOneTape() {
        let net = MLPDenoiser(tinyConfiguration().model.architecture(), rng: GSLRandom(seed: 4))
        let x = Tensor(shape: [1001, 2], scalars: GSLRandom(seed: 5).gaussians(2002))
        let times = (0..<1001).map { Float($0 % 50) }
        let tape = Tape(recording: false)
        let whole = net(tape.constant(x), times: times).value
        BLAS.setThreads(2)
        defer { BLAS.setThreads(1) }
        #expect(evaluate(net, x, times: times) == whole)
    }
}

@Suite struct PointsCSVTests {
    func write(_ text: String) throws -> URL {
        let url = temporaryFolder().appendingPathExtension("csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func readsPointsWithOrWithoutHeader() throws {
        #expect(try PointsCSV.read(write("x,y\n1,2\n3.5,-4\n")) == [SIMD2(1, 2), SIMD2(3.5, -4)])
        #expect(try PointsCSV.read(write("1,2\n3,4")) == [SIMD2(1, 2), SIMD2(3, 4)])
        // CRLF line ends (one Character in Swift) and columns chosen by the header's names.
        #expect(try PointsCSV.read(write("x,y\r\n1,2\r\n3,4\r\n")) == [SIMD2(1, 2), SIMD2(3, 4)])
        #expect(try PointsCSV.read(write("id,x,y\n7,1,2\n8,3,4\n")) == [SIMD2(1, 2), SIMD2(3, 4)])
        let labeled = try PointsCSV.readLabeled(write("label,y,x\n1,2,3\n0,4,5\n"))
        #expect(labeled.points == [SIMD2(3, 2), SIMD2(5, 4)] && labeled.labels == [1, 0])
    }

    @Test func faultsNameFileAndLine() throws {
        for (text, expected) in [
            ("x,y\n1,2\nfoo,3\n", ":3:"), ("x,y\n1,2\n\n3,4\n", ":3: empty"), ("x,y\n1,inf\n", ":2: non-finite"),
            ("x,y\n1\n", ":2: expected 2 columns, found 1"), ("x,y\n", "holds no points"), ("x,y\n1,2\n3,4,5\n", ":3: expected 2 columns, found 3"),
            ("1,2,9\n", ":1: expected 2 columns"), ("7\u{0}garbage,1\n", ":1: holds a NUL byte"), ("id,a,b\n1,2,3\n", ":1: the header names no x and y"),
        ] {
            let url = try write(text)
            do {
                _ = try PointsCSV.read(url)
                Issue.record("accepted \(text.debugDescription)")
            } catch {
                #expect("\(error)".contains(url.path) && "\(error)".contains(expected), "\(error)")
            }
        }
    }

    @Test func runMetricsUseFreshDataNotTheTrainingDraw() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try quietRun(url).start(tinyConfiguration(), force: false)
        let evaluation = try JSONDecoder().decode(QualityEvaluation.self, from: Data(contentsOf: RunDirectory(url).metrics))
        #expect(evaluation.samples.count == 300 && evaluation.nonFiniteSamples == 0)
        #expect(evaluation.reference.contains("fresh"))
        #expect(abs(evaluation.baseline.classifierAccuracy - 0.5) < 0.1)
    }
}

@Suite struct ExactModelRunTests {
    @Test func exactRunSamplesTheMixtureWithoutTraining() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        var c = tinyConfiguration(.gmm)
        c.model.kind = .exact
        c.sampling.samples = 4000
        c.process.timesteps = 200
        c.sampling.steps = 200
        let record = try quietRun(url).start(c, force: false)
        #expect(record.status == .complete)
        let d = RunDirectory(url)
        #expect(!FileManager.default.fileExists(atPath: d.model.path) && !FileManager.default.fileExists(atPath: d.checkpoint.path))
        let evaluation = try JSONDecoder().decode(QualityEvaluation.self, from: Data(contentsOf: d.metrics))
        let shares = try #require(evaluation.samples.modeShares)
        #expect(abs(shares[0] - 0.8) < 4 * (0.16 / 4000).squareRoot())
    }

    @Test func exactModelNeedsAMixtureDataset() {
        var c = tinyConfiguration(.moons)
        c.model.kind = .exact
        #expect(throws: RunError.self) { try c.validate() }
        do { try c.validate() } catch { #expect("\(error)".contains("8gaussians, gmm")) }
    }
}

@Suite(.serialized) struct FigureInputTests {
    /// The figures a run draws from memory as it finishes are the ones `toy plot` rebuilds from the
    /// run's files: same data, same scripts.
    @Test(arguments: [false, true])
    func figuresFromMemoryEqualFiguresFromFiles(conditional: Bool) throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        var c = tinyConfiguration()
        c.model.conditional = conditional
        _ = try quietRun(url).start(c, force: false)
        let plots = RunPlots(directory: RunDirectory(url))
        func snapshot() throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: plots.folder.path).filter { $0.hasSuffix(".dat") || $0.hasSuffix(".gp") }
            return Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: plots.folder.appendingPathComponent($0))) })
        }
        let fromMemory = try snapshot()
        #expect(fromMemory.count >= 10)
        try FileManager.default.removeItem(at: plots.folder)
        _ = try plots.write(format: .png)
        let fromFiles = try snapshot()
        #expect(fromMemory.keys.sorted() == fromFiles.keys.sorted())
        for (name, data) in fromMemory { #expect(data == fromFiles[name], "\(name) differs") }
    }
}
