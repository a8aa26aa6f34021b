import Diffusion
import Engine
import Models
import Stats
import Testing
import Training

/// Classifier-free guidance against its definition: w = 0 is the conditional model bit for bit
/// (one evaluation per call); w > 0 equals (1 + w)·ε(x, y) − w·ε(x, ∅) from two separate calls,
/// and costs two evaluations per call.
@Suite struct GuidanceTests {
    func conditionalModel() throws -> (NetworkModel<MLPDenoiser>, Tensor) {
        let a = DenoiserArchitecture(
            width: 32, depth: 2, activation: .silu, timeEmbedding: 16, inputFrequencies: 4, inputScale: 2, residual: true, dataDimension: 2,
            classes: 3)
        let network = MLPDenoiser(a, rng: GSLRandom(seed: 4, stream: .initialization))
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 100)
        let labels = [0, 1, 2, 1, 0, 2]
        let x = Tensor(shape: [6, 2], scalars: GSLRandom(seed: 5, stream: .evaluation).gaussians(12))
        return (NetworkModel(network: network, prediction: .epsilon, process: process, labels: labels), x)
    }

    @Test func zeroScaleIsTheConditionalModel() throws {
        let (model, x) = try conditionalModel()
        let guided = ClassifierFreeGuidance(model, scale: 0)
        #expect(guided(x, time: 30).scalars == model(x, time: 30).scalars)
        #expect(guided.evaluationsPerCall == 1 && model.evaluationsPerCall == 1)
    }

    @Test(arguments: [0.5, 2.0, 8.0])
    func guidedOutputFollowsItsDefinition(scale w: Double) throws {
        let (model, x) = try conditionalModel()
        let unconditional = NetworkModel(network: model.network, prediction: .epsilon, process: model.process)  // ∅ for every row
        let (c, u) = (model(x, time: 30).scalars, unconditional(x, time: 30).scalars)
        #expect(zip(c, u).contains { abs($0 - $1) > 1e-4 }, "the label changes nothing: the test could not fail")
        let guided = ClassifierFreeGuidance(model, scale: w)
        let g = guided(x, time: 30).scalars
        for j in 0..<g.count {
            let expected = Float(1 + w) * c[j] - Float(w) * u[j]
            #expect(abs(g[j] - expected) <= 1e-5 * max(1, abs(expected)), "\(j): \(g[j]) vs \(expected)")
        }
        #expect(guided.evaluationsPerCall == 2)
    }
}

/// The guidance gradient ∇ₓ log p_φ(y | x_t) of trained-classifier networks against central
/// differences of log p_φ (Double sums of Float evaluations), row by row with mixed labels, for the
/// 2-D MLP (Fourier features on) and the image CNN (non-square channel counts, stride 2).
@Suite struct ClassifierGradientTests {
    func check<N: ClassifierNetwork>(_ network: N, x: Tensor, labels: [Int], process: any NoiseProcess, time: Double) {
        let guide = NetworkClassifier(network, process: process, chunk: 3)
        let (logp, g) = guide.logPosterior(x, time: time, labels: labels)
        #expect(logp.allSatisfy { $0 < 0 && $0.isFinite })
        let h: Float = 1e-2
        for i in stride(from: 0, to: x.count, by: max(1, x.count / 40)) {
            var plus = x, minus = x
            plus.scalars[i] += h
            minus.scalars[i] -= h
            let row = i / x.batchShape.perSample
            let fd = (guide.logPosterior(plus, time: time, labels: labels).logProbability[row] - guide.logPosterior(minus, time: time, labels: labels).logProbability[row]) / (2 * Double(h))
            #expect(abs(fd - Double(g.scalars[i])) <= 2e-2 * max(1, abs(fd)), "element \(i): analytic \(g.scalars[i]), numeric \(fd)")
        }
    }

    @Test func mlpClassifierGradient() throws {
        var c = MLPClassifier.Configuration(classes: 3)
        c.width = 24
        c.inputFrequencies = 3
        c.inputScale = 2
        let network = MLPClassifier(c, seed: 1)
        let x = Tensor(shape: [7, 2], scalars: GSLRandom(seed: 2, stream: .evaluation).gaussians(14))
        check(network, x: x, labels: [0, 1, 2, 2, 1, 0, 1], process: try DiscreteDDPM(schedule: .linear, timesteps: 100), time: 40)
    }

    @Test func imageClassifierGradient() throws {
        var c = NoisyImageClassifier.Configuration(inputChannels: 3, resolution: 6, classes: 4)
        c.widths = [4, 12]
        c.groups = 2
        let network = try NoisyImageClassifier(c, seed: 3)
        let x = Tensor(shape: [4, 3, 6, 6], scalars: GSLRandom(seed: 4, stream: .evaluation).gaussians(4 * 108))
        check(network, x: x, labels: [3], process: ContinuousProcess(VPSDE()), time: 0.3)
    }
}
