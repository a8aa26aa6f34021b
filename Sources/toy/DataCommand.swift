import ArgumentParser
import Datasets
import Foundation
import Runs
import Stats

/// `toy data NAME`: draw points from a toy distribution as CSV (header x,y).
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data", abstract: "Write points of a toy dataset as CSV (header x,y, and label with --labels).")

    @Argument(help: "Dataset: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var dataset: ToyDataset
    @Option(help: "Number of points.") var n = 1000
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Noise level (default: the dataset's convention, see toy list).") var noise: Double?
    @Option(help: "Output CSV file (default: standard output).") var out: String?
    @Flag(help: "Add each point's class as a label column.") var labels = false

    func validate() throws {
        guard n >= 1 && n <= 100_000_000 else { throw ValidationError("--n must be between 1 and 100000000, got \(n).") }
        if let noise, !(noise >= 0 && noise <= 1e6) { throw ValidationError("--noise must be between 0 and 1e6, got \(noise).") }
    }

    func run() throws {
        let draw = dataset.sampleLabeled(n, noise: noise, rng: GSLRandom(seed: seed, stream: .data))
        let csv = FileFormats.pointsCSV(draw.points.flatMap { [Float($0.x), Float($0.y)] }, labels: labels ? draw.labels : nil)
        if let out {
            try FileFormats.write(csv, to: URL(fileURLWithPath: out))
            print("wrote \(n) points of \(dataset.rawValue) to \(out)")
        } else {
            FileHandle.standardOutput.write(csv)
        }
    }
}
