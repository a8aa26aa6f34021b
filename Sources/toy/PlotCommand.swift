import ArgumentParser
import Foundation
import Plotting
import Runs

extension FigureFormat: ExpressibleByArgument {}

/// `toy plot RUN_DIR`: redraw every figure of an earlier run from its files, without retraining.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plot", abstract: "Redraw all figures of a run folder into RUN_DIR/plots.")

    @Argument(help: "A run folder written by toy run.") var runDirectory: String
    @Option(help: "Image format: png, svg or pdf (animations are GIF).") var format: FigureFormat = .png

    func run() throws {
        let plots = RunPlots(directory: RunDirectory(URL(fileURLWithPath: runDirectory)))
        let (files, notice) = try plots.write(format: format)
        if let notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        print("wrote \(files.count) figures to \(plots.folder.path): \(files.joined(separator: ", "))")
    }
}
