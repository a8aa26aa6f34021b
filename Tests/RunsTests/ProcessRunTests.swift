import Datasets
import Diffusion
import Engine
import Foundation
import Models
import NN
import Runs
import Samplers
import Stats
import Testing
import Training

@Suite(.serialized) struct ProcessRunTests {
    /// The network's divergence from two vector–Jacobian products equals central differences of
    /// its output (Double-accurate enough at h = 1e-2 for a smooth SiLU network).
    @Test func networkDivergenceMatchesFiniteDifferences() throws {
        var a = tinyConfiguration().model.architecture()
        a.inputScale = 1
        let network = MLPDenoiser(a, rng: GSLRandom(seed: 3))
        let process = ContinuousProcess(VPSDE())
        let model = NetworkModel(network: network, prediction: .epsilon, process: process)
        let x = Tensor(shape: [300, 2], scalars: GSLRandom(seed: 4).gaussians(600))
        for threads in [1, 2] {
            BLAS.setThreads(threads)
            let (output, divergence) = model.outputAndDivergence(x, time: 0.3)
            #expect(output.scalars == model(x, time: 0.3).scalars)
            let h: Float = 1e-2
            for i in [0, 7, 150, 299] {
                var fd = 0.0
                for j in 0..<2 {
                    var plus = x, minus = x
                    plus.scalars[2 * i + j] += h
                    minus.scalars[2 * i + j] -= h
                    fd += Double(model(plus, time: 0.3).scalars[2 * i + j] - model(minus, time: 0.3).scalars[2 * i + j]) / Double(2 * h)
                }
                #expect(abs(divergence[i] - fd) < 2e-3 * max(1, abs(fd)), "row \(i): \(divergence[i]) vs \(fd)")
            }
        }
        BLAS.setThreads(1)
    }

    /// Continuous-time (VP, VE, sub-VP) and NCSN runs train, checkpoint and resume bit for bit
    /// like DDPM runs; VE and NCSN record the σ_max they resolved from the data.
    @Test(arguments: [ProcessKind.vp, .ve, .subvp, .ncsn])
    func processRunsResumeExactly(_ process: ProcessKind) throws {
        var c = tinyConfiguration()
        c.process.kind = process
        c.sampling.sampler = process == .ncsn ? .annealedLangevin : .pc
        c.sampling.steps = process == .ncsn ? 20 : 10
        c.process.lossWeighting = process == .vp ? .likelihood : .simple
        let (whole, split) = (temporaryFolder(), temporaryFolder())
        defer { for u in [whole, split] { try? FileManager.default.removeItem(at: u) } }
        let full = try quietRun(whole).start(c, force: false)
        #expect(full.status == .complete && full.results?.nonFiniteSamples == 0)
        if process == .ve || process == .ncsn {
            let sigmaMax = try #require(full.configuration.process.sigmaMax)
            #expect(sigmaMax > 2 && sigmaMax < 10, "σ_max \(sigmaMax) for moons")
        }
        var first = c
        first.training.steps = 40
        _ = try quietRun(split).start(first, force: false)
        _ = try quietRun(split).resume(trainSteps: c.training.steps)
        let a = try Safetensors(contentsOf: RunDirectory(whole).model).tensors
        let b = try Safetensors(contentsOf: RunDirectory(split).model).tensors
        #expect(a == b)
    }

    /// A finished run samples again through `SamplingRecord` with every sampler that fits its
    /// process, and reports each sampler's evaluations.
    @Test func aTrainedRunSamplesWithEveryFittingSampler() throws {
        var c = tinyConfiguration()
        c.process.kind = .vp
        c.sampling.sampler = .pc
        c.sampling.steps = 10
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try quietRun(url).start(c, force: false)
        let trained = try TrainedRun(RunDirectory(url))
        for kind in SamplerKind.allCases where kind.processes.contains(.vp) {
            var s = trained.configuration
            s.sampling.sampler = kind
            s.sampling.steps = 8
            let record = try SamplingRecord.make(trained, configuration: s)
            let expected: Int? =
                switch kind {
                case .heun: 15
                case .pc: 8 * 2 + 1
                case .reverseSDE: 9
                case .ode: nil
                default: 8
                }
            if let expected { #expect(record.modelEvaluations == expected, "\(kind.rawValue)") }
            #expect(record.quality?.nonFiniteSamples == 0, "\(kind.rawValue)")
        }
    }

    /// Hutchinson's estimate of the likelihood against the exact 2-D divergence on the same
    /// held-out points: the paired differences average to zero within four of their standard
    /// errors, and are not all zero (a single probe is noisy; the test could fail).
    @Test func hutchinsonLikelihoodAgreesWithTheExactOne() throws {
        var c = tinyConfiguration()
        c.process.kind = .vp
        c.sampling.sampler = .ode
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try quietRun(url).start(c, force: false)
        let trained = try TrainedRun(RunDirectory(url))
        let exact = try trained.heldOutNLL(points: 300, seed: 1, method: .standard, tolerance: 1e-5).nll
        let estimated = try trained.heldOutNLL(points: 300, seed: 1, method: .standard, tolerance: 1e-5, probes: 1).nll
        let differences = Summary(zip(estimated, exact).map { $0 - $1 })
        let se = differences.standardDeviation / Double(300).squareRoot()
        #expect(se > 1e-4, "the estimator showed no variance")
        #expect(abs(differences.mean) < 4 * se, "mean difference \(differences.mean) ± \(se)")
    }
}
