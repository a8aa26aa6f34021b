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
