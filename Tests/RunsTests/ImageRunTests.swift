import Foundation
import ImageData
import NN
import Runs
import Testing
import Training

/// A folder holding `count` training and `count` test images of `kind`'s format (IDX for the
/// MNIST kinds, CIFAR-10 batches for cifar10): image i of class i mod 10 is a dark field with a
/// bright square whose place depends on the class, so classes differ.
func tinyImageFolder(_ kind: ImageDatasetKind, count: Int = 40) throws -> String {
    let dir = temporaryFolder().path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let (c, h, w) = (kind.imageShape[0], kind.imageShape[1], kind.imageShape[2])
    let labels = (0..<count).map { $0 % 10 }
    var pixels = [UInt8](repeating: 20, count: count * c * h * w)
    for (i, label) in labels.enumerated() {
        let (top, left) = (2 + (label / 5) * 12, 2 + (label % 5) * 5)
        for ch in 0..<c { for y in top..<(top + 8) { for x in left..<(left + 6) { pixels[((i * c + ch) * h + y) * w + x] = UInt8(200 + 20 * ch) } } }
    }
    func write(_ bytes: [UInt8], _ name: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
    for split in ImageSplit.allCases {
        let files = kind.files(split)
        if kind == .cifar10 {
            for f in files { try write(CIFAR10.encode(pixels: pixels, labels: labels), f) }
        } else {
            try write(IDXArray(shape: [count, h, w], values: pixels).encoded, files[0])
            try write(IDXArray(shape: [count], values: labels.map(UInt8.init)).encoded, files[1])
        }
    }
    return dir
}

/// An image run small enough for tests: a two-level U-Net of 8 channels, 6 steps of batch 4.
func tinyImageConfiguration(_ kind: ImageDatasetKind, directory: String, count: Int = 40) -> RunConfiguration {
    var c = DatasetDefaults.forImages(kind).configuration(data: DataConfiguration(images: kind, directory: directory))
    c.data.size = count * (kind == .cifar10 ? 5 : 1)  // five CIFAR training batches
    c.model.unet!.baseChannels = 8
    c.model.unet!.multipliers = [1, 2]
    c.model.unet!.blocksPerLevel = 1
    c.model.unet!.groups = 4
    c.model.unet!.attentionResolutions = [kind.imageShape[1] / 2]
    c.training.steps = 6
    c.training.batchSize = 4
    c.training.warmupSteps = 2
    c.training.checkpointEvery = 3
    c.sampling.samples = 12
    c.sampling.steps = 5
    c.threads = 1
    return c
}

/// A quiet run whose feature classifier is cached in a folder of its own (the tiny data cannot
/// reach the accuracy floor, so its metrics are refused and the run goes on without them).
func quietImageRun(_ url: URL, notes: NotesBox = NotesBox()) -> ToyRun {
    var r = quietRun(url)
    r.classifierDirectory = temporaryFolder()
    r.log = { notes.lines.append($0) }
    return r
}

final class NotesBox: @unchecked Sendable { var lines: [String] = [] }

/// The description of the error `body` throws; nil when it throws none.
func errorText(_ body: () throws -> Void) -> String? {
    do { try body() } catch { return "\(error)" }
    return nil
}

/// The shape in a .npy header.
func npyShape(_ url: URL) throws -> String {
    let npy = try Data(contentsOf: url)
    let headerLength = Int(npy[8]) | Int(npy[9]) << 8
    let header = String(decoding: npy[10..<(10 + headerLength)], as: UTF8.self)
    return String(header[header.range(of: "'shape': (")!.upperBound...].prefix { $0 != ")" })
}

/// The float32 values of a .npy file.
func npyValues(_ url: URL) throws -> [Float] {
    let npy = try Data(contentsOf: url)
    let start = 10 + (Int(npy[8]) | Int(npy[9]) << 8)
    return stride(from: start, to: npy.count, by: 4).map { i in Float(bitPattern: UInt32(littleEndian: npy[i..<(i + 4)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })) }
}

@Suite(.serialized) struct ImageRunTests {
    @Test func tinyImageRunWritesSamplesFiguresAndARecord() throws {
        let dir = try tinyImageFolder(.fashionMNIST)
        let url = temporaryFolder()
        defer { for p in [dir, url.path] { try? FileManager.default.removeItem(atPath: p) } }
        let notes = NotesBox()
        let c = tinyImageConfiguration(.fashionMNIST, directory: dir)
        let record = try quietImageRun(url, notes: notes).start(c, force: false)
        #expect(record.status == .complete && record.results?.trainedSteps == 6)
        #expect(record.results?.nonFiniteSamples == 0)
        let d = RunDirectory(url)
        // samples.npy: float32 [n, C, H, W] with pixels in [0, 1].
        #expect(try npyShape(d.samplesNPY) == "12, 1, 28, 28")
        let values = try npyValues(d.samplesNPY)
        #expect(values.count == 12 * 784 && values.allSatisfy { $0 >= 0 && $0 <= 1 })
        // The record round-trips, through config.json and as a configuration file.
        #expect(try RunRecord.load(d).configuration == c)
        #expect(try ConfigurationFile.read(d.config) == c)
        let model = try Safetensors(contentsOf: d.model)
        #expect(model.tensors["conv_in.weight"]?.shape == [8, 1, 3, 3])
        #expect(model.metadata["pixels"] == "[-1, 1]")
        // Every figure's data and script; the grid draws grey pixels.
        let plots = url.appendingPathComponent("plots")
        for name in ["samples", "samples-vs-data", "denoising", "forward", "reverse-animation", "loss"] {
            #expect(FileManager.default.fileExists(atPath: plots.appendingPathComponent("\(name).gp").path), "\(name).gp")
        }
        #expect(try String(contentsOf: plots.appendingPathComponent("samples.gp"), encoding: .utf8).contains("with image"))
        // 40 tiny images cannot train a classifier to the floor: no metrics.json, and the log says why.
        #expect(!FileManager.default.fileExists(atPath: d.metrics.path))
        #expect(notes.lines.contains { $0.contains("metrics were not computed") && $0.contains("below the") })
    }

    @Test func interruptedImageRunResumesToTheSameWeightsAndSamples() throws {
        let dir = try tinyImageFolder(.mnist)
        let (straight, resumed) = (temporaryFolder(), temporaryFolder())
        defer { for p in [dir, straight.path, resumed.path] { try? FileManager.default.removeItem(atPath: p) } }
        var c = tinyImageConfiguration(.mnist, directory: dir)
        c.model.unet!.dropout = 0.1  // the dropout stream must resume too
        _ = try quietImageRun(straight).start(c, force: false)
        var interrupted = quietImageRun(resumed)
        nonisolated(unsafe) var polls = 0
        interrupted.interruptRequested = {
            polls += 1
            return polls == 4  // Ctrl-C after three steps
        }
        do {
            _ = try interrupted.start(c, force: false)
            Issue.record("the run ignored the interrupt")
        } catch let e as RunError {
            #expect(e.description.contains("--resume"))
        }
        #expect(try RunRecord.load(RunDirectory(resumed)).status == .interrupted)
        let record = try quietImageRun(resumed).resume()
        #expect(record.status == .complete && record.results?.trainedSteps == 6)
        #expect(try Data(contentsOf: RunDirectory(straight).model) == Data(contentsOf: RunDirectory(resumed).model))
        #expect(try Data(contentsOf: RunDirectory(straight).samplesNPY) == Data(contentsOf: RunDirectory(resumed).samplesNPY))
    }

    @Test func cifar10ColourPathRunsEndToEnd() throws {
        let dir = try tinyImageFolder(.cifar10, count: 10)
        let url = temporaryFolder()
        defer { for p in [dir, url.path] { try? FileManager.default.removeItem(atPath: p) } }
        let record = try quietImageRun(url).start(tinyImageConfiguration(.cifar10, directory: dir, count: 10), force: false)
        #expect(record.status == .complete)
        #expect(record.results?.sampleMean.count == 3)
        #expect(try npyShape(RunDirectory(url).samplesNPY) == "12, 3, 32, 32")
        let script = try String(contentsOf: url.appendingPathComponent("plots/samples.gp"), encoding: .utf8)
        #expect(script.contains("with rgbimage"))
    }

    @Test func conditionalImageRunSamplesOneClassPerRow() throws {
        let dir = try tinyImageFolder(.fashionMNIST)
        let url = temporaryFolder()
        defer { for p in [dir, url.path] { try? FileManager.default.removeItem(atPath: p) } }
        var c = tinyImageConfiguration(.fashionMNIST, directory: dir)
        c.model.conditional = true
        c.sampling.samples = 20
        #expect(c.imageSamplingLabels(classes: 10) == (0..<20).map { $0 / 10 })
        _ = try quietImageRun(url).start(c, force: false)
        let model = try Safetensors(contentsOf: RunDirectory(url).model)
        #expect(model.tensors["label_embedding.weight"]?.shape == [11, 128])  // 10 classes and ∅
        let script = try String(contentsOf: url.appendingPathComponent("plots/samples.gp"), encoding: .utf8)
        #expect(script.contains("'T-shirt/top'") && script.contains("'Trouser'"))
        // A label outside the classes names them.
        c.sampling.label = 10
        #expect(errorText { try c.validate() }?.contains("9 Ankle boot") == true)
    }

    /// Classifier guidance on an unconditional image run: the time-conditioned CNN trains on the
    /// run's images (classifier.safetensors + classifier.json with five accuracies), s = 0 samples
    /// the unguided run's images byte for byte, s = 3 changes them and counts one more evaluation
    /// per step.
    @Test func imageRunIsGuidedByItsNoisyClassifier() throws {
        let dir = try tinyImageFolder(.fashionMNIST)
        let url = temporaryFolder()
        defer { for p in [dir, url.path] { try? FileManager.default.removeItem(atPath: p) } }
        let c = tinyImageConfiguration(.fashionMNIST, directory: dir)
        _ = try quietImageRun(url).start(c, force: false)
        let run = RunDirectory(url)
        let record = try GuidanceClassifierRecord.train(run, options: ClassifierTrainingOptions(steps: 20, batchSize: 8, lr: 2e-3), quiet: true)
        #expect(record.network == "image-cnn" && record.accuracy.count == 5 && record.trainingPoints == 40)
        #expect(FileManager.default.fileExists(atPath: GuidanceClassifierRecord.record(run).path))
        let trained = try TrainedImageRun(run)
        func draw(_ scale: Double?, _ name: String) throws -> (ImageSamplingRecord, [Float]) {
            var g = c
            g.sampling.classifierScale = scale
            let folder = url.appendingPathComponent(name)
            let r = try ImageSamplingRecord.make(trained, configuration: g, folder: folder, metrics: false)
            return (r, try npyValues(folder.appendingPathComponent("samples.npy")))
        }
        let (plain, a) = try draw(nil, "plain"), (zero, b) = try draw(0, "zero"), (guided, d) = try draw(3, "guided")
        #expect(a == b && zero.modelEvaluations == plain.modelEvaluations)
        #expect(d != a && guided.modelEvaluations == 2 * plain.modelEvaluations)
    }

    @Test func imageConfigurationsAreCheckedBeforeTraining() throws {
        let dir = try tinyImageFolder(.mnist)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var c = tinyImageConfiguration(.mnist, directory: dir)
        c.model.unet!.multipliers = [1, 2, 2, 2]  // 28 cannot be halved three times
        #expect(errorText { try c.validate() }?.contains("sizes that fit") == true)
        c = tinyImageConfiguration(.mnist, directory: dir)
        c.model.unet!.groups = 3
        #expect(errorText { try c.validate() }?.contains("--groups 3") == true)
        c = tinyImageConfiguration(.mnist, directory: dir)
        c.model.unet!.inputChannels = 3
        #expect(errorText { try c.validate() }?.contains("1×28×28") == true)
        c = tinyImageConfiguration(.mnist, directory: dir)
        c.data.size = 41  // the folder has 40
        let url = temporaryFolder()
        #expect(errorText { _ = try quietImageRun(url).start(c, force: false) }?.contains("--data-size 41") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))  // refused before the folder was made
    }
}
