import Diffusion
import Engine
import Foundation
import Stats

/// log p_ε(x) under the probability-flow ODE by the instantaneous change of variables (Chen et al.
/// 2018; Song et al. 2021, app. D.2): integrate [x; Δ] from t = ε to 1 with dx/dt = v(x, t) =
/// f(t)x − ½g(t)²∇log p_t(x) and dΔ/dt = ∇·v = d·f(t) − ½g(t)²·∇·∇log p_t(x); then
/// log p_ε(x) = log N(x(1); 0, s² I) + Δ(1). The divergence is the model's exact one (in 2-D two
/// vector–Jacobian products; no Hutchinson estimate). All points form one GSL system.
public struct ODELikelihood: Sendable {
    public var method: ODEMethod
    public var tolerance: Double

    public init(method: ODEMethod = .standard, tolerance: Double = 1e-5) {
        precondition(tolerance > 0, "ODELikelihood: tolerance must be positive, got \(tolerance)")
        self.method = method
        self.tolerance = tolerance
    }

    /// log p_ε(x) in nats for each row of `points` [n, d], and the evaluations used; ε is `startTime`
    /// (default: the process's smallest sampling time).
    public func logLikelihood(
        _ points: Tensor, model: any DivergenceModel, process: any NoiseProcess, from startTime: Double? = nil,
        priorLogDensity: ((ArraySlice<Double>) -> Double)? = nil
    ) throws -> (logp: [Double], evaluations: Int) {
        guard let sde = process.sde else { throw SamplerError.needsSDE(sampler: "nll") }
        let n = points.shape[0], d = points.count / max(n, 1)
        var y = points.scalars.map(Double.init) + [Double](repeating: 0, count: n)
        let start = startTime ?? process.timeRange.lowerBound
        let evaluations = try integrateODE(&y, from: start, to: 1, method: method, epsAbs: tolerance, epsRel: tolerance) { t, y, dy in
            let x = Tensor(shape: points.shape, scalars: (0..<(n * d)).map { Float(y[$0]) })
            let (a, s) = process.marginal(at: t)
            let (score, divergence) = model.scoreAndDivergence(x, time: t, alpha: a, sigma: s)
            let (f, g) = sde.coefficients(t)
            for j in 0..<(n * d) { dy[j] = f * y[j] - 0.5 * g * g * Double(score.scalars[j]) }
            for i in 0..<n { dy[n * d + i] = Double(d) * f - 0.5 * g * g * divergence[i] }
        }
        let s = sde.priorStandardDeviation
        let logp = (0..<n).map { i -> Double in
            let x1 = y[(i * d)..<((i + 1) * d)]
            let prior =
                priorLogDensity?(x1) ?? (-0.5 * Double(d) * log(2 * Double.pi * s * s) - x1.map { $0 * $0 }.reduce(0, +) / (2 * s * s))
            return prior + y[n * d + i]
        }
        return (logp, evaluations)
    }
}
