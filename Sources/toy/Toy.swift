import ArgumentParser
import Datasets
import Diffusion
import Engine
import Models
import NN
import Runs
import Samplers
import Stats

/// The toy command line: thin parsing and printing around the libraries.
@main
struct Toy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toy",
        abstract: "Train, sample and compare diffusion models on 2-D toy distributions.",
        version: Toolkit.version,
        subcommands: [
            RunCommand.self, SampleCommand.self, CompareCommand.self, NLLCommand.self, EvalCommand.self, PlotCommand.self, DataCommand.self,
            ListCommand.self, SweepCommand.self, StepErrorCommand.self, ClassifierCommand.self,
        ])

    /// Parses the command line with negative numbers kept as values: `--lr -1` reads as `--lr=-1`
    /// (then refused by the range check naming the flag), not as an unknown option `-1`.
    static func main() {
        main(joiningNegativeValues(Array(CommandLine.arguments.dropFirst())))
    }

    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a.hasPrefix("--"), !a.contains("="), i + 1 < arguments.count, arguments[i + 1].hasPrefix("-"), Double(arguments[i + 1]) != nil {
                out.append("\(a)=\(arguments[i + 1])")
                i += 2
            } else {
                out.append(a)
                i += 1
            }
        }
        return out
    }
}

extension ToyDataset: ExpressibleByArgument {}
extension ScheduleKind: ExpressibleByArgument {}
extension SamplerKind: ExpressibleByArgument {}
extension Activation: ExpressibleByArgument {}
extension Prediction: ExpressibleByArgument {}
extension ReverseVariance: ExpressibleByArgument {}
extension ModelKind: ExpressibleByArgument {}
extension ProcessKind: ExpressibleByArgument {}
extension LossWeighting: ExpressibleByArgument {}
extension ODEMethod: ExpressibleByArgument {}
extension Predictor: ExpressibleByArgument {}
