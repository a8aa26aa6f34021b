import Diffusion
import Engine
import Foundation
import Runs
import Stats
import Testing

/// The DDPM variational bound against an independent estimate of the same quantity: sample the
/// forward chain step by step (x_t = √α_t x_{t−1} + √β_t ε) and average −log p(x_{T−1}) −
/// Σ log p_θ(x_{t−1} | x_t) − log p(x₀ | x_first) + Σ log q(x_t | x_{t−1}) — log-densities, no KL
/// closed forms. On the exact gmm model the two agree within their standard errors, the bound lies
/// above the data's entropy, and it tightens as T grows.
@Suite struct VariationalBoundTests {
    func exactRun(timesteps: Int) throws -> (TrainedRun, URL) {
        var c = DatasetDefaults.forDataset(.gmm).configuration(for: .gmm)
        c.model.kind = .exact
        c.process.kind = .ddpm
        c.process.timesteps = timesteps
        c.sampling.steps = timesteps
        c.sampling.samples = 20
        c.threads = 1
        let url = temporaryFolder()
        _ = try quietRun(url).start(c, force: false)
        return (try TrainedRun(RunDirectory(url)), url)
    }

    @Test func boundAgreesWithTheIteratedChain() throws {
        let (trained, url) = try exactRun(timesteps: 50)
        defer { try? FileManager.default.removeItem(at: url) }
        let n = 10_000
        let report = try trained.variationalBound(points: n, seed: 3)
        let chain = try #require(trained.process as? DiscreteDDPM)
        let model = try trained.unconditionalModel()
        let data = trained.heldOut(n, seed: 11)
        let rng = GSLRandom(seed: 12, stream: .evaluation)
        func logNormal(_ x: Tensor, mean: Tensor, variance: Double, scale: Double = 1) -> [Double] {
            (0..<n).map { i in
                (0..<2).reduce(0.0) { s, j in
                    let e = Double(x.scalars[2 * i + j]) - scale * Double(mean.scalars[2 * i + j])
                    return s - 0.5 * (log(2 * Double.pi * variance) + e * e / variance)
                }
            }
        }
        var bound = [Double](repeating: 0, count: n)
        var previous = data
        var states: [Tensor] = []
        for t in 0..<chain.timesteps {
            var x = previous
            let e = rng.gaussians(x.count)
            let (a, b) = (chain.alphas[t].squareRoot(), chain.betas[t].squareRoot())
            for j in 0..<x.count { x.scalars[j] = Float(a * Double(previous.scalars[j]) + b * Double(e[j])) }
            let q = logNormal(x, mean: previous, variance: chain.betas[t], scale: a)
            for i in 0..<n { bound[i] += q[i] }
            states.append(x)
            previous = x
        }
        let zero = Tensor(zeros: data.shape)
        let prior = logNormal(states[chain.timesteps - 1], mean: zero, variance: 1)
        for i in 0..<n { bound[i] -= prior[i] }
        for t in 0..<chain.timesteps {
            let (alpha, sigma) = chain.marginal(t)
            let x0hat = model.denoised(states[t], time: Double(t), alpha: alpha, sigma: sigma)
            let target = t == 0 ? data : states[t - 1]
            var mean = x0hat
            var variance = chain.betas[0]
            if t > 0 {
                let (ct, c0, posteriorVariance) = chain.posterior(t)
                for j in 0..<mean.count { mean.scalars[j] = Float(ct * Double(states[t].scalars[j]) + c0 * Double(x0hat.scalars[j])) }
                variance = posteriorVariance
            }
            let p = logNormal(target, mean: mean, variance: variance)
            for i in 0..<n { bound[i] -= p[i] }
        }
        let direct = Summary(bound)
        let se = (report.standardError * report.standardError + direct.standardDeviation * direct.standardDeviation / Double(n)).squareRoot()
        #expect(abs(report.meanBound - direct.mean) < 4 * se, "bound \(report.meanBound) ± \(report.standardError), iterated chain \(direct.mean) ± \(direct.standardDeviation / Double(n).squareRoot())")
        let entropy = try #require(report.entropy)
        #expect(report.meanBound > entropy - 4 * report.standardError)
        let (longer, longURL) = try exactRun(timesteps: 400)
        defer { try? FileManager.default.removeItem(at: longURL) }
        #expect(try longer.variationalBound(points: 4000, seed: 3).meanBound < report.meanBound - 0.2, "the bound should tighten with T")
    }
}
