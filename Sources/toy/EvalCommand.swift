import ArgumentParser
import Datasets
import Engine
import Foundation
import ImageData
import Runs
import Stats

/// `toy eval DATASET FILE`: score any CSV or .npy of points against fresh data from the true
/// generator, or a .npy of images [n, c, h, w] (pixels in [0, 1]) against an image dataset's test split.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Score 2-D points (CSV or .npy) against a toy dataset, or images (.npy [n, c, h, w] in [0, 1]) against an image dataset.")

    @Argument(
        help:
            "Dataset the points or images should follow: \((ToyDataset.allCases.map(\.rawValue) + ImageDatasetKind.allCases.map(\.rawValue)).joined(separator: ", ")).")
    var dataset: String
    @Argument(help: "Points: CSV with two numeric columns (a header line is skipped) or .npy [n, 2]. Images: .npy [n, c, h, w], pixels in [0, 1].")
    var file: String
    @Option(help: "Folder of an image dataset's files (default: where toy list says).") var dataDir: String?
    @Option(help: "Seed of the fresh reference draws and the metrics' randomness.") var seed: UInt64 = 0
    @Option(help: "Dataset noise (default: the dataset's convention).") var noise: Double?
    @Option(help: "Threads for the pairwise metrics.") var threads = 2
    @Flag(help: "Print the JSON object that metrics.json holds.") var json = false

    func validate() throws {
        guard ToyDataset(rawValue: dataset) != nil || ImageDatasetKind(rawValue: dataset) != nil else {
            throw ValidationError(
                "unknown dataset '\(dataset)'; choose one of \((ToyDataset.allCases.map(\.rawValue) + ImageDatasetKind.allCases.map(\.rawValue)).joined(separator: ", ")).")
        }
        if let noise, !(noise >= 0 && noise.isFinite) { throw ValidationError("--noise must be at least 0, got \(noise).") }
        guard threads >= 1 && threads <= 64 else { throw ValidationError("--threads must be between 1 and 64, got \(threads).") }
    }

    func run() throws {
        if let kind = ImageDatasetKind(rawValue: dataset) { return try evaluateImages(kind) }
        let dataset = ToyDataset(rawValue: dataset)!
        let points = try PointsCSV.readAny(URL(fileURLWithPath: file)).points
        guard points.count >= 10 else {
            throw PointsCSV.ReadError.badLine(file: file, line: points.count + 1, reason: "need at least 10 points, found \(points.count)")
        }
        let evaluation = try evaluateSamples(points, dataset: dataset, noise: noise, seed: seed, threads: threads)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(evaluation))
        } else {
            print("\(points.count) points of \(file) against \(evaluation.reference):")
            print(evaluation.table)
        }
    }

    /// Images of `file` against `kind`'s test split, beside the real-images baseline.
    func evaluateImages(_ kind: ImageDatasetKind) throws {
        Threads.set(threads)
        let shape = kind.imageShape
        let (dims, values) = try NPY.readArray(URL(fileURLWithPath: file)) { dims in
            dims.count == 4 && Array(dims.dropFirst()) == shape && dims[0] >= 2
                ? nil : "expected images of shape (n ≥ 2, \(shape.map(String.init).joined(separator: ", "))) for \(kind.rawValue), found (\(dims.map(String.init).joined(separator: ", ")))"
        }
        if let bad = values.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw PointsCSV.ReadError.unreadable(file, "value \(values[bad]) at index \(bad) is outside [0, 1]; toy expects pixels in [0, 1] (x/2 + 1/2 of a model's [−1, 1] output)")
        }
        let (train, test) = (try kind.load(.train, from: dataDir), try kind.load(.test, from: dataDir))
        let evaluation = try ImageEvaluation.evaluate(
            images: values.map(Float.init), count: dims[0], dataset: kind, train: train, test: test, seed: seed) {
                FileHandle.standardError.write(($0 + "\n").data(using: .utf8)!)
            }
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(evaluation))
        } else {
            print("\(dims[0]) images of \(file) against \(evaluation.reference):")
            print(evaluation.table)
        }
    }
}
