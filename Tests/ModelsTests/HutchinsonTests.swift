import Diffusion
import Engine
import Foundation
import Models
import Stats
import Testing
import Training

/// Hutchinson's estimator of the divergence against the exact one: on the 2-D MLP (whose exact
/// divergence the likelihood uses) and on a small U-Net whose exact divergence is computed here
/// from all d vector–Jacobian products. Unbiased: the mean over many probes lies within four
/// standard errors of the exact value, and a single probe is not exact (the test could fail).
@Suite struct HutchinsonTests {
    /// The exact divergence per row from one vector–Jacobian product per coordinate.
    func exactDivergence(_ network: some Denoiser, _ x: Tensor, time: Float) -> [Double] {
        let (rows, d) = x.batchShape
        var divergence = [Double](repeating: 0, count: rows)
        for j in 0..<d {
            let tape = Tape()
            let input = tape.input(x, requiresGradient: true)
            let out = network(input, times: [Float](repeating: time, count: rows))
            var seed = [Float](repeating: 0, count: x.count)
            for r in 0..<rows { seed[r * d + j] = 1 }
            tape.backward(out, seed: Tensor(shape: x.shape, scalars: seed), accumulateIntoParameters: false)
            let g = tape.gradient(of: input)!.scalars
            for r in 0..<rows { divergence[r] += Double(g[r * d + j]) }
        }
        return divergence
    }

    /// Mean and standard error per row of `probes` single-probe estimates.
    func estimates<N: Denoiser>(_ model: NetworkModel<N>, _ x: Tensor, time: Double, probes: Int) -> [(mean: Double, se: Double)] {
        let rng = GSLRandom(seed: 7, stream: .evaluation)
        let draws = (0..<probes).map { _ in HutchinsonModel(model, rows: x.shape[0], count: 1, rng: rng).outputAndDivergence(x, time: time).divergence }
        return (0..<x.shape[0]).map { r in
            let s = Summary(draws.map { $0[r] })
            return (s.mean, s.standardDeviation / Double(probes).squareRoot())
        }
    }

    @Test func unbiasedOnTheMLP() throws {
        var a = DenoiserArchitecture(width: 32, depth: 2, activation: .silu, timeEmbedding: 16, inputFrequencies: 4, inputScale: 2, residual: true, dataDimension: 2, classes: 0)
        a.width = 32
        let network = MLPDenoiser(a, rng: GSLRandom(seed: 1, stream: .initialization))
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 100)
        let model = NetworkModel(network: network, prediction: .epsilon, process: process)
        let x = Tensor(shape: [3, 2], scalars: [0.3, -1.2, 1.5, 0.4, -0.7, 0.9])
        let exact = model.outputAndDivergence(x, time: 40).divergence
        let single = HutchinsonModel(model, rows: 3, count: 1, rng: GSLRandom(seed: 3, stream: .evaluation)).outputAndDivergence(x, time: 40).divergence
        #expect(zip(single, exact).contains { abs($0 - $1) > 1e-6 }, "one probe reproduced the exact divergence: the off-diagonal terms vanished")
        for (e, (mean, se)) in zip(exact, estimates(model, x, time: 40, probes: 400)) {
            #expect(se > 0 && abs(mean - e) < 4 * se, "exact \(e), estimate \(mean) ± \(se)")
        }
    }

    @Test func unbiasedOnAUNet() throws {
        var c = UNetConfiguration()
        (c.resolution, c.baseChannels, c.multipliers, c.blocksPerLevel, c.groups, c.attentionResolutions) = (8, 8, [1, 2], 1, 4, [4])
        let network = try UNet(c, seed: 2)
        // The zero-initialized output convolution would make every divergence 0: give it weights.
        let rng = GSLRandom(seed: 5, stream: .initialization)
        for p in network.parameters where p.name.hasPrefix("conv_out") || p.name.hasSuffix("c2.weight") {
            p.value = Tensor(shape: p.value.shape, scalars: rng.gaussians(p.value.count).map { 0.2 * $0 })
        }
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 100)
        let model = NetworkModel(network: network, prediction: .epsilon, process: process)
        let x = Tensor(shape: [2, 1, 8, 8], scalars: GSLRandom(seed: 9, stream: .evaluation).gaussians(128))
        let exact = exactDivergence(network, x, time: process.networkTime(30))
        #expect(exact.allSatisfy { abs($0) > 1e-3 })
        // K probes in one model average K single-probe estimates.
        let four = HutchinsonModel(model, rows: 2, count: 4, rng: GSLRandom(seed: 11, stream: .evaluation)).outputAndDivergence(x, time: 30).divergence
        let rng4 = GSLRandom(seed: 11, stream: .evaluation)
        let ones = (0..<4).map { _ in HutchinsonModel(model, rows: 2, count: 1, rng: rng4).outputAndDivergence(x, time: 30).divergence }
        for r in 0..<2 { #expect(abs(four[r] - ones.map { $0[r] }.reduce(0, +) / 4) < 1e-9 * max(1, abs(four[r]))) }
        for (e, (mean, se)) in zip(exact, estimates(model, x, time: 30, probes: 100)) {
            #expect(se > 0 && abs(mean - e) < 4 * se, "exact \(e), estimate \(mean) ± \(se)")
        }
    }
}
