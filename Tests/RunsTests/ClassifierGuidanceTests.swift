import Datasets
import Diffusion
import Engine
import Foundation
import Models
import Runs
import Samplers
import Stats
import Testing
import Training

/// Classifier guidance against exact answers: with the exact class posterior of gmm, s = 1 is the
/// chosen component's exact score (its samples and moments), s = 0 the unguided mixture byte for
/// byte, s equals classifier-free guidance at w = s − 1; trained classifiers end to end on a run
/// (files, mismatches refused naming both datasets, s = 0 byte-identical to the unguided run).
@Suite struct ClassifierGuidanceTests {
    /// The exact gmm model guided towards class 1 with `scale` (nil: not asked).
    func exactGMM(scale: Double?, label: Int? = 1, sampler: SamplerKind = .ddpm, process kind: ProcessKind = .ddpm, samples: Int = 2000) throws
        -> (RunConfiguration, any NoiseProcess, DataSource)
    {
        var c = DatasetDefaults.forDataset(.gmm).configuration(for: .gmm)
        c.model.kind = .exact
        c.process.kind = kind
        c.sampling.label = label
        c.sampling.classifierScale = scale
        c.sampling.sampler = sampler
        c.sampling.samples = samples
        c.threads = 1
        try c.validate()
        return (c, try c.makeProcess(), try c.data.source(seed: c.seed))
    }

    @Test func exactGuidanceAtOneIsTheComponentsScore() throws {
        let (c, process, source) = try exactGMM(scale: 1)
        var plain = c
        plain.sampling.classifierScale = nil
        let guided = try exactSamplingModel(c, source: source, process: process)
        let component = try exactSamplingModel(plain, source: source, process: process)
        #expect(guided.evaluationsPerCall == 2)
        let x = Tensor(shape: [64, 2], scalars: GSLRandom(seed: 3, stream: .evaluation).gaussians(128).map { $0 * 6 })
        for t in [0.0, 20, 60, 120, 199] {
            let (alpha, sigma) = process.marginal(at: t)
            let a = guided.epsilon(x, time: t, alpha: alpha, sigma: sigma).scalars
            let b = component.epsilon(x, time: t, alpha: alpha, sigma: sigma).scalars
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }, "t = \(t)")
        }
        let s = try drawSamples(model: guided, process: process, configuration: c).samples.scalars
        let r = try drawSamples(model: component, process: process, configuration: plain).samples.scalars
        #expect(zip(s, r).allSatisfy { abs($0 - $1) < 1e-3 }, "guided and component samples part")
    }

    /// 10,000 samples of the probability-flow ODE guided at s = 1 have the component's moments
    /// within 4 standard errors. The flow of N(μ, I) is x ↦ μ + (x − α_T μ) from the prior
    /// N(0, I) (a prior mismatch of α_T·μ, 0.03 here), so the expected mean is μ(1 − α_T).
    @Test func exactGuidanceSamplesTheChosenComponent() throws {
        var (c, process, source) = try exactGMM(scale: 1, sampler: .ode, process: .vp, samples: 10_000)
        c.sampling.odeTolerance = 1e-6
        let x = try drawSamples(model: try exactSamplingModel(c, source: source, process: process), process: process, configuration: c).samples.scalars
        let mu = try #require(source.mixture).means[1]
        let alphaT = process.marginal(at: process.timeRange.upperBound).alpha
        let n = Double(c.sampling.samples)
        for (axis, m) in [(0, mu.x), (1, mu.y)] {
            let s = Summary((0..<c.sampling.samples).map { Double(x[2 * $0 + axis]) })
            let expected = m * (1 - alphaT)
            #expect(abs(s.mean - expected) < 4 / n.squareRoot(), "axis \(axis): mean \(s.mean), expected \(expected)")
            #expect(abs(s.standardDeviation - 1) < 4 / (2 * n).squareRoot(), "axis \(axis): sd \(s.standardDeviation)")
        }
    }

    /// For w > 0 the guided score (1 + w)∇log p_t(x | k) − w∇log p_t(x) is closed-form on a mixture,
    /// but it is no density's score, so its samples have no closed-form moments: the reference is the
    /// guided probability-flow ODE integrated here in Double with 4,000 fixed RK4 steps from the same
    /// prior points. The toolkit's ODE sampler (rkf45, tolerance 1e-6) ends at the same points, so it
    /// reproduces the guided flow's sample moments.
    @Test func guidedODESamplesMatchAReferenceIntegration() throws {
        var (c, process, source) = try exactGMM(scale: nil, sampler: .ode, process: .vp, samples: 200)
        c.sampling.guidanceScale = 2
        let w = 2.0
        let mixture = try #require(source.mixture)
        let whole = GaussianMixtureModel(process: process, mixture: mixture)
        let component = GaussianMixtureModel(process: process, weights: [1], means: [mixture.means[1]], standardDeviations: [mixture.standardDeviations[1]])
        let sde = VPSDE()
        func velocity(_ x: SIMD2<Double>, _ t: Double) -> SIMD2<Double> {
            let (alpha, sigma) = process.marginal(at: t)
            let score = (1 + w) * component.score(x, alpha: alpha, sigma: sigma) - w * whole.score(x, alpha: alpha, sigma: sigma)
            let (f, g) = sde.coefficients(t)
            return f * x - 0.5 * g * g * score
        }
        let n = c.sampling.samples
        let prior = Tensor(shape: [n, 2], scalars: GSLRandom(seed: 21, stream: .sampling).gaussians(2 * n))
        let end = process.timeRange.lowerBound
        let steps = 4000
        let h = (end - 1) / Double(steps)
        var reference: [SIMD2<Double>] = []
        for i in 0..<n {
            var x = SIMD2(Double(prior.scalars[2 * i]), Double(prior.scalars[2 * i + 1]))
            var t = 1.0
            for _ in 0..<steps {
                let k1 = velocity(x, t), k2 = velocity(x + 0.5 * h * k1, t + 0.5 * h)
                let k3 = velocity(x + 0.5 * h * k2, t + 0.5 * h), k4 = velocity(x + h * k3, t + h)
                x += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
                t += h
            }
            reference.append(x)
        }
        let sampler = ProbabilityFlowODE(tolerance: 1e-6, denoise: false)
        let result = try sampler.sample(
            model: try exactSamplingModel(c, source: source, process: process), process: process, initial: prior,
            options: SamplingOptions(steps: 1, clip: nil, capture: [], noise: .independent), rng: GSLRandom(seed: 1), progress: { _ in })
        let y = result.samples.scalars
        var worst = 0.0
        for i in 0..<n {
            let d = SIMD2(Double(y[2 * i]), Double(y[2 * i + 1])) - reference[i]
            worst = max(worst, abs(d.x), abs(d.y))
        }
        #expect(worst < 1e-3, "largest distance to the reference flow: \(worst)")
        // The guided flow moves the samples beyond the component's mean, away from the other mode.
        let meanOffset = reference.map { ($0 - mixture.means[1]).x + ($0 - mixture.means[1]).y }.reduce(0, +) / Double(n)
        #expect(meanOffset < -0.5, "\(meanOffset)")
    }

    @Test func zeroScaleIsTheUnguidedMixtureByteForByte() throws {
        let (c, process, source) = try exactGMM(scale: 0)
        var whole = c
        whole.sampling.label = nil
        whole.sampling.classifierScale = nil
        let a = try drawSamples(model: try exactSamplingModel(c, source: source, process: process), process: process, configuration: c)
        let b = try drawSamples(model: try exactModel(whole, source: source, process: process), process: process, configuration: whole)
        #expect(a.samples.scalars == b.samples.scalars)
    }

    /// ∇ log p_t(x) + s(∇ log p_t(x | k) − ∇ log p_t(x)) = (1 + w)∇ log p_t(x | k) − w ∇ log p_t(x)
    /// at w = s − 1: the two guidances agree exactly on a mixture.
    @Test(arguments: [1.5, 3.0])
    func exactClassifierGuidanceIsClassifierFreeGuidanceAtScaleMinusOne(_ s: Double) throws {
        let (c, process, source) = try exactGMM(scale: s)
        var free = c
        free.sampling.classifierScale = nil
        free.sampling.guidanceScale = s - 1
        let (a, b) = (try exactSamplingModel(c, source: source, process: process), try exactSamplingModel(free, source: source, process: process))
        let x = Tensor(shape: [32, 2], scalars: GSLRandom(seed: 8, stream: .evaluation).gaussians(64).map { $0 * 5 })
        for t in [1.0, 50, 150] {
            let (alpha, sigma) = process.marginal(at: t)
            let (u, v) = (a.epsilon(x, time: t, alpha: alpha, sigma: sigma).scalars, b.epsilon(x, time: t, alpha: alpha, sigma: sigma).scalars)
            #expect(zip(u, v).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }, "t = \(t)")
        }
    }

    /// The exact posterior: probabilities over the classes sum to 1, log r_k = log w_k + log N_k −
    /// log p, and its gradient matches central differences of log r_k.
    @Test func mixturePosteriorMatchesBayesAndItsDifferences() throws {
        let (_, process, source) = try exactGMM(scale: 1)
        let mixture = try #require(source.mixture)
        let posterior = MixturePosterior(mixture: mixture, process: process)
        let model = GaussianMixtureModel(process: process, mixture: mixture)
        for (p, t) in [(SIMD2(0.3, -0.2), 10.0), (SIMD2(4.0, 5.5), 80), (SIMD2(-1.0, 2.0), 150)] {
            let (alpha, sigma) = process.marginal(at: t)
            let total = (0..<2).reduce(0.0) { $0 + exp(posterior.logPosterior(p, label: $1, alpha: alpha, sigma: sigma).0) }
            #expect(abs(total - 1) < 1e-12)
            for k in 0..<2 {
                let (logr, g) = posterior.logPosterior(p, label: k, alpha: alpha, sigma: sigma)
                let one = GaussianMixtureModel(
                    process: process, weights: [1], means: [mixture.means[k]], standardDeviations: [mixture.standardDeviations[k]])
                let bayes = log(mixture.weights[k]) + one.logDensity(p, alpha: alpha, sigma: sigma) - model.logDensity(p, alpha: alpha, sigma: sigma)
                #expect(abs(logr - bayes) < 1e-9, "log r: \(logr) vs \(bayes)")
                let h = 1e-5
                for (axis, e) in [(0, SIMD2(h, 0)), (1, SIMD2(0, h))] {
                    let fd = (posterior.logPosterior(p + e, label: k, alpha: alpha, sigma: sigma).0 - posterior.logPosterior(p - e, label: k, alpha: alpha, sigma: sigma).0) / (2 * h)
                    #expect(abs(fd - g[axis]) < 1e-5 * max(1, abs(fd)), "axis \(axis): \(g[axis]) vs \(fd)")
                }
            }
        }
    }

    /// A moons run, its classifier (toy classifier train), classifier-guided sampling: s = 0 is the
    /// unguided run byte for byte; s = 2 lifts the share of the asked class (by the run's
    /// classifier) above s = 0's and counts one more evaluation per step; the classifier of
    /// another dataset is refused naming both; the classifier files refuse to be replaced.
    @Test func trainedClassifierGuidesARun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("toy-cg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var c = DatasetDefaults.forDataset(.moons).configuration(for: .moons)
        c.training.steps = 1500
        c.sampling.samples = 1000
        c.threads = 1
        let run = RunDirectory(root.appendingPathComponent("moons"))
        var toy = ToyRun(directory: run)
        toy.quiet = true
        _ = try toy.start(c, force: false)
        #expect(errorText { _ = try TrainedRun(run).model(for: { var g = c; g.sampling.label = 0; g.sampling.classifierScale = 1; return g }()) }?
            .contains("toy classifier train") == true)
        let record = try GuidanceClassifierRecord.train(run, options: ClassifierTrainingOptions(steps: 1500, batchSize: 256, lr: 2e-3), quiet: true)
        #expect(record.accuracy[0].accuracy > 0.97, "clean accuracy \(record.accuracy[0].accuracy)")
        #expect(record.lastLoss < record.firstLoss)
        #expect(errorText { _ = try GuidanceClassifierRecord.train(run, options: nil, quiet: true) }?.contains("--force") == true)
        let trained = try TrainedRun(run)
        var g = c
        g.sampling.label = 0
        let unguided = try SamplingRecord.make(trained, configuration: c)
        g.sampling.classifierScale = 0
        let zero = try SamplingRecord.make(trained, configuration: g)
        #expect(zero.samples == unguided.samples)
        #expect(zero.modelEvaluations == unguided.modelEvaluations)
        g.sampling.classifierScale = 2
        let guided = try SamplingRecord.make(trained, configuration: g)
        #expect(guided.modelEvaluations == 2 * unguided.modelEvaluations)
        let (before, after) = (try #require(zero.guidance?.classShare), try #require(guided.guidance?.classShare))
        #expect(before < 0.7 && after > 0.95, "class share \(before) → \(after)")
        // A classifier of another dataset.
        var other = c
        other.data.dataset = .scurve
        other.model.conditional = false
        #expect(
            errorText { _ = try GuidanceClassifierRecord.load(GuidanceClassifierRecord.weights(run), for: other, process: try other.makeProcess()) }?
                .contains("trained on moons; this run's data is scurve") == true)
        // A trained network cannot be classifier-guided inside toy run.
        var r = c
        r.sampling.label = 0
        r.sampling.classifierScale = 1
        #expect(errorText { _ = try ToyRun(directory: RunDirectory(root.appendingPathComponent("r"))).start(r, force: false) }?.contains("toy classifier train RUN") == true)
    }
}
