import ArgumentParser
import Datasets
import Foundation
import Runs
import Stats

/// `toy eval DATASET FILE.csv`: score any CSV of points against fresh data from the true generator.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Score a CSV of 2-D points (header x,y) against fresh data from a toy dataset.")

    @Argument(help: "Dataset the points should follow: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var dataset: ToyDataset
    @Argument(help: "CSV file with two numeric columns (a header line is skipped), or a .npy file of shape [n, 2].") var file: String
    @Option(help: "Seed of the fresh reference draws and the metrics' randomness.") var seed: UInt64 = 0
    @Option(help: "Dataset noise (default: the dataset's convention).") var noise: Double?
    @Option(help: "Threads for the pairwise metrics.") var threads = 2
    @Flag(help: "Print the JSON object that metrics.json holds.") var json = false

    func validate() throws {
        if let noise, !(noise >= 0 && noise.isFinite) { throw ValidationError("--noise must be at least 0, got \(noise).") }
        guard threads >= 1 && threads <= 64 else { throw ValidationError("--threads must be between 1 and 64, got \(threads).") }
    }

    func run() throws {
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
}
