import Diffusion
import Engine
import Foundation
import Samplers
import Stats

/// The variational bound on −log p(x₀) of a DDPM-chain run (Ho et al. 2020, eq. 5), in nats per
/// point: L = L_T + Σ_{t ≥ 1} L_{t−1} + L₀ with, in toy's timesteps t = 0..<T,
///   prior    KL(q(x_{T−1} | x₀) ‖ N(0, I)),
///   steps    KL(q(x_{t−1} | x_t, x₀) ‖ p_θ(x_{t−1} | x_t)) for t = 1..<T, x_t ~ q(x_t | x₀) — two
///            Gaussians, the model's mean c_t·x_t + c₀·x̂₀(x_t) and variance σ_t² (the run's
///            `--variance`: β̃_t or β_t),
///   decoder  −log N(x₀; x̂₀(x₀ at t = 0), β₀ I) (a Gaussian decoder: 2-D points are continuous, so
///            Ho et al.'s discretized decoder for 8-bit pixels does not apply; β̃₀ = 0, so β₀).
/// One draw of x_t per point and step gives an unbiased estimate of the bound; its standard error
/// is over points. The bound is ≥ the model's NLL, and ≥ the data's entropy in expectation.
public struct VariationalBoundReport: Codable, Sendable {
    public var dataset: String
    public var points: Int
    public var meanBound: Double
    public var standardError: Double
    /// Mean over points of the three parts.
    public var prior: Double
    public var steps: Double
    public var decoder: Double
    public var entropy: Double?
    public var timesteps: Int
    public var variance: String
    public var evaluations: Int
    public var seconds: Double
}

extension TrainedRun {
    /// The bound of `n` held-out points (the same points `toy nll` uses for continuous runs).
    public func variationalBound(points n: Int, seed: UInt64) throws -> VariationalBoundReport {
        guard let chain = process as? DiscreteDDPM else {
            throw RunError.invalid("the variational bound is for DDPM-chain runs (--process ddpm); this run used --process \(configuration.process.kind.rawValue).")
        }
        let start = Date()
        Threads.set(configuration.threads)
        let model = try unconditionalModel()
        let x0 = heldOut(n, seed: seed)
        let d = Double(x0.shape[1])
        let rng = GSLRandom(seed: splitMix64(seed ^ 0x564C_4220), stream: .evaluation)
        let usesBeta = configuration.sampling.variance == .beta
        var prior = [Double](repeating: 0, count: n), steps = prior, decoder = prior
        // Prior: KL(N(√ᾱ x₀, (1 − ᾱ) I) ‖ N(0, I)) per point.
        let last = chain.timesteps - 1
        let aBar = chain.alphaBar[last]
        for i in 0..<n {
            var s = 0.0
            for j in 0..<Int(d) { let x = Double(x0.scalars[i * Int(d) + j]); s += aBar * x * x }
            prior[i] = 0.5 * (s + d * ((1 - aBar) - 1 - log(1 - aBar)))
        }
        for t in 0..<chain.timesteps {
            let (alpha, sigma) = chain.marginal(t)
            let noise = rng.gaussians(x0.count)
            var xt = x0
            for j in 0..<x0.count { xt.scalars[j] = Float(alpha) * x0.scalars[j] + Float(sigma) * noise[j] }
            let x0hat = model.denoised(xt, time: Double(t), alpha: alpha, sigma: sigma)
            if t == 0 {
                let v = chain.betas[0]
                for i in 0..<n {
                    var s = 0.0
                    for j in 0..<Int(d) { let e = Double(x0.scalars[i * Int(d) + j]) - Double(x0hat.scalars[i * Int(d) + j]); s += e * e }
                    decoder[i] = 0.5 * (d * log(2 * Double.pi * v) + s / v)
                }
                continue
            }
            let (_, c0, posteriorVariance) = chain.posterior(t)
            let modelVariance = usesBeta ? chain.betas[t] : posteriorVariance
            for i in 0..<n {
                // The means differ by c₀·(x₀ − x̂₀); the c_t·x_t terms cancel.
                var s = 0.0
                for j in 0..<Int(d) { let e = c0 * (Double(x0.scalars[i * Int(d) + j]) - Double(x0hat.scalars[i * Int(d) + j])); s += e * e }
                steps[i] += 0.5 * (d * (log(modelVariance / posteriorVariance) + posteriorVariance / modelVariance - 1) + s / modelVariance)
            }
        }
        let total = (0..<n).map { prior[$0] + steps[$0] + decoder[$0] }
        guard total.allSatisfy(\.isFinite) else {
            throw RunError.invalid("the variational bound is not finite for \(total.filter { !$0.isFinite }.count) of \(n) points: the model's x̂₀ is not finite there.")
        }
        let s = Summary(total)
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(n) }
        return VariationalBoundReport(
            dataset: configuration.data.name, points: n, meanBound: s.mean, standardError: s.standardDeviation / Double(n).squareRoot(),
            prior: mean(prior), steps: mean(steps), decoder: mean(decoder), entropy: source.entropy, timesteps: chain.timesteps,
            variance: usesBeta ? "beta" : "posterior", evaluations: chain.timesteps, seconds: Date().timeIntervalSince(start))
    }
}
