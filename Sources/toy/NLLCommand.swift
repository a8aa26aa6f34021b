import ArgumentParser
import Foundation
import Runs
import Stats

/// `toy nll RUN_DIR`: exact negative log-likelihood of held-out data under the probability-flow ODE.
struct NLLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nll",
        abstract: "Mean negative log-likelihood of held-out data under a run's probability-flow ODE, with its standard error: nats for 2-D points, bits per dimension for images.")

    @Argument(help: "A run folder: continuous processes (vp, ve, subvp) get the probability-flow ODE's NLL, DDPM chains the variational bound.") var runDirectory: String
    @Option(help: "Held-out points, or test images of an image run (default: 2000 points, 100 images).") var points: Int?
    @Option(help: "Hutchinson's estimator with this many Rademacher probes per point instead of the exact divergence (images: always; default 1).")
    var probes: Int?
    @Option(help: "Seed of the held-out draw.") var seed: UInt64 = 0
    @Option(help: "GSL integrator: rkf45 or rk8pd.") var odeMethod: ODEMethod = .standard
    @Option(help: "Absolute and relative tolerance (1e-5 changes the mean NLL by < 1e-4 nats).") var odeTolerance = 1e-4
    @Option(help: "The time ε whose density p_ε is evaluated (1e-5 is the smallest training time, as in score_sde).")
    var epsilon = 1e-5
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        if let points, points < 2 || points > 1_000_000 { throw ValidationError("--points must be between 2 and 1000000, got \(points).") }
        if let probes, probes < 1 || probes > 10_000 { throw ValidationError("--probes must be between 1 and 10000, got \(probes).") }
        guard epsilon > 0 && epsilon < 1 else { throw ValidationError("--epsilon must be in (0, 1), got \(epsilon).") }
        guard odeTolerance > 0 && odeTolerance < 1 else { throw ValidationError("--ode-tolerance must be in (0, 1), got \(odeTolerance).") }
    }

    func run() throws {
        let directory = RunDirectory(URL(fileURLWithPath: runDirectory))
        if try RunRecord.load(directory).configuration.data.images != nil { return try imageRun(directory) }
        let trained = try TrainedRun(directory)
        if trained.configuration.process.kind == .ddpm { return try variationalBound(trained) }
        let report = try trained.negativeLogLikelihood(
            points: points ?? 2000, seed: seed, method: odeMethod, tolerance: odeTolerance, epsilon: epsilon, probes: probes)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(report))
            return
        }
        var line = String(
            format: "NLL = %.4f ± %.4f nats of p_ε, ε = %.0e (%d held-out points of %@", report.meanNLL, report.standardError, report.epsilon,
            report.points, report.dataset)
        line += String(
            format: "; %d evaluations, %@ at %.0e, %.1f s; %@ divergence)", report.evaluations, report.odeMethod, report.tolerance, report.seconds,
            report.divergence ?? "exact")
        print(line)
        if let h = report.entropy { print(String(format: "entropy of the data: %.4f nats (gap %.4f)", h, report.meanNLL - h)) }
    }

    /// The variational bound of a DDPM-chain run (no probability-flow ODE on a discrete chain).
    func variationalBound(_ trained: TrainedRun) throws {
        let r = try trained.variationalBound(points: points ?? 2000, seed: seed)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(r))
            return
        }
        print(
            String(
                format: "NLL ≤ %.4f ± %.4f nats: the variational bound of the DDPM chain (Ho et al. 2020, eq. 5; %d held-out points of %@, T = %d, %@ variance, %d evaluations, %.1f s)",
                r.meanBound, r.standardError, r.points, r.dataset, r.timesteps, r.variance, r.evaluations, r.seconds))
        print(String(format: "  prior KL %.4f + reverse steps %.4f + Gaussian decoder %.4f", r.prior, r.steps, r.decoder))
        if let h = r.entropy { print(String(format: "entropy of the data: %.4f nats (gap %.4f)", h, r.meanBound - h)) }
    }

    /// Bits per dimension of test images under an image run.
    func imageRun(_ directory: RunDirectory) throws {
        let trained = try TrainedImageRun(directory)
        let report = try trained.bitsPerDimension(
            images: points ?? 100, seed: seed, probes: probes ?? 1, method: odeMethod, tolerance: odeTolerance, epsilon: epsilon)
        if json {
            FileHandle.standardOutput.write(try FileFormats.json(report))
            return
        }
        print(
            String(
                format: "%.4f ± %.4f bits/dim (%d %@ test images, uniform dequantization, Hutchinson with %d Rademacher probe(s); ε = %.0e, %d evaluations, %@ at %.0e, %.1f s)",
                report.bitsPerDimension, report.standardError, report.images, report.dataset, report.probes, report.epsilon, report.evaluations,
                report.odeMethod, report.tolerance, report.seconds))
    }
}
