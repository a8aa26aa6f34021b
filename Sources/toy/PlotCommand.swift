import ArgumentParser
import Foundation
import Plotting
import Runs

extension FigureFormat: ExpressibleByArgument {}

/// `toy plot RUN_DIR`: redraw every figure of an earlier run from its files, without retraining.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plot", abstract: "Redraw all figures of a run folder into RUN_DIR/plots.")

    @Argument(help: "A run folder written by toy run, or a folder written by toy sample.") var runDirectory: String
    @Option(help: "Image format: png, svg or pdf (animations are GIF).") var format: FigureFormat = .png

    func run() throws {
        let directory = RunDirectory(URL(fileURLWithPath: runDirectory))
        if let record = try? RunRecord.load(directory), let images = record.configuration.data.images {
            throw RunError.invalid(
                "'\(runDirectory)' is a run of the image dataset \(images.rawValue): its figures are drawn when it finishes, each with its script and data in plots/ (cd \(runDirectory)/plots && gnuplot NAME.gp redraws one); toy plot rebuilds the figures of 2-D runs."
            )
        }
        let sampling = directory.url.appendingPathComponent("sampling.json")
        if !FileManager.default.fileExists(atPath: directory.config.path), FileManager.default.fileExists(atPath: sampling.path) {
            // A toy sample folder: its samples figure.
            struct Record: Decodable { var configuration: RunConfiguration }
            let record: Record
            do { record = try JSONDecoder().decode(Record.self, from: Data(contentsOf: sampling)) } catch {
                throw RunError.invalid("'\(sampling.path)' is not a readable toy sample record: \(error)")
            }
            if let notice = try SamplingRecord.writeFigure(folder: directory.url, configuration: record.configuration, format: format) {
                FileHandle.standardError.write(Data((notice + "\n").utf8))
            }
            print("wrote samples.\(format.rawValue) to \(directory.url.path)")
            return
        }
        let plots = RunPlots(directory: directory)
        let (files, notice) = try plots.write(format: format)
        if let notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        print("wrote \(files.count) figures to \(plots.folder.path): \(files.joined(separator: ", "))")
    }
}
