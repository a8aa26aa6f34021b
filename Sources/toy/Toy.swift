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
