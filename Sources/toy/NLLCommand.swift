import ArgumentParser
import Foundation
import Runs
import Stats

/// `toy nll RUN_DIR`: exact negative log-likelihood of held-out data under the probability-flow ODE.
struct NLLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nll",
        abstract: "Mean negative log-likelihood (nats) of held-out points under a run's probability-flow ODE, with its standard error.")

    @Argument(help: "A run folder of a continuous process (--process vp, ve or subvp).") var runDirectory: String
    @Option(help: "Held-out points.") var points = 2000
    @Option(help: "Seed of the held-out draw.") var seed: UInt64 = 0
    @Option(help: "GSL integrator: rkf45 or rk8pd.") var odeMethod: ODEMethod = .standard
    @Option(help: "Absolute and relative tolerance (1e-5 changes the mean NLL by < 1e-4 nats).") var odeTolerance = 1e-4
    @Option(help: "The time ε whose density p_ε is evaluated (1e-5 is the smallest training time, as in score_sde).")
    var epsilon = 1e-5
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        guard points >= 2 else { throw ValidationError("--points must be at least 2, got \(points).") }
        guard epsilon > 0 && epsilon < 1 else { throw ValidationError("--epsilon must be in (0, 1), got \(epsilon).") }
        guard odeTolerance > 0 && odeTolerance < 1 else { throw ValidationError("--ode-tolerance must be in (0, 1), got \(odeTolerance).") }
    }

    func run() throws {
        let trained = try TrainedRun(RunDirectory(URL(fileURLWithPath: runDirectory)))
        let report = try trained.negativeLogLikelihood(points: points, seed: seed, method: odeMethod, tolerance: odeTolerance, epsilon: epsilon)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(report))
            return
        }
        var line = String(
            format: "NLL = %.4f ± %.4f nats of p_ε, ε = %.0e (%d held-out points of %@", report.meanNLL, report.standardError, report.epsilon,
            report.points, report.dataset)
        line += String(format: "; %d evaluations, %@ at %.0e, %.1f s)", report.evaluations, report.odeMethod, report.tolerance, report.seconds)
        print(line)
        if let h = report.entropy { print(String(format: "entropy of the data: %.4f nats (gap %.4f)", h, report.meanNLL - h)) }
    }
}
