import ArgumentParser
import Foundation
import Runs
import Training

/// `toy classifier train RUN_DIR`: the noise-conditional classifier of classifier guidance.
struct ClassifierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier",
        abstract: "Noise-conditional classifiers p(y | x_t) for classifier guidance (Dhariwal & Nichol 2021).",
        subcommands: [Train.self])

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a run's noise-conditional classifier on its training data noised by its process.",
            discussion:
                "Writes RUN_DIR/classifier.safetensors and classifier.json (its test accuracy at five noise levels). Then:\ntoy sample RUN_DIR --label K --classifier-scale S")

        @Argument(help: "A run folder written by toy run (2-D data with classes, or images).") var runDirectory: String
        @Option(help: "Training steps (default: 3000 for 2-D data, 2000 for images).") var trainSteps: Int?
        @Option(help: "Batch size (default: 256 for 2-D data, 128 for images).") var batchSize: Int?
        @Option(help: "Peak learning rate of Adam, decaying on a cosine (default: 0.002).") var lr: Double?
        @Option(help: "Hidden width of the 2-D classifier's MLP (default: 128).") var width: Int?
        @Option(help: "Hidden layers of the 2-D classifier's MLP (default: 3).") var depth: Int?
        @Flag(help: "Replace an existing classifier.") var force = false
        @Flag(help: "Print the record as JSON.") var json = false

        func run() throws {
            let directory = RunDirectory(URL(fileURLWithPath: runDirectory))
            let images = try RunRecord.load(directory).configuration.data.images != nil
            var options = GuidanceClassifierRecord.defaultTraining(images: images)
            options.steps = trainSteps ?? options.steps
            options.batchSize = batchSize ?? options.batchSize
            options.lr = lr ?? options.lr
            let record = try GuidanceClassifierRecord.train(directory, options: options, width: width, depth: depth, force: force) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
            if json {
                FileHandle.standardOutput.write(try FileFormats.json(record))
                return
            }
            print("classifier of \(runDirectory) (\(record.network), \(record.training.steps) steps): test accuracy by noise level")
            for a in record.accuracy {
                print(String(format: "  t = %-8.4g (%.0f%% of the range, σ/α = %-8.3g)  %.3f of %d", a.time, 100 * a.unitTime, a.scaledSigma, a.accuracy, a.points))
            }
            print("→ \(GuidanceClassifierRecord.weights(directory).path)")
        }
    }
}
