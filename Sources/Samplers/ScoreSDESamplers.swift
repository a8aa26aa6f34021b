import Diffusion
import Foundation
import Stats

/// A score ∇ₓ log p_t(x) at continuous time t of a `ForwardSDE`.
public typealias ScoreFunction = (_ x: SIMD2<Double>, _ t: Double) -> SIMD2<Double>

/// The probability-flow ODE dx/dt = f(t)x − ½g(t)²∇log p_t(x) (Song et al. 2021, eq. 13),
/// solved from t = 1 down to t = ε by GSL's adaptive integrators; all points form one system.
public struct ProbabilityFlowODE: Sendable {
    public var method: ODEMethod
    public var tolerance: Double
    /// The smallest time reached (ε; the score may blow up at t = 0).
    public var endTime: Double

    public init(method: ODEMethod = .rk8pd, tolerance: Double = 1e-6, endTime: Double = 1e-3) {
        precondition(tolerance > 0, "ProbabilityFlowODE: tolerance must be positive, got \(tolerance)")
        self.method = method
        self.tolerance = tolerance
        self.endTime = endTime
    }

    /// Integrates each x_1 to x_ε; returns the points and the number of score evaluations per point.
    public func sample(_ initial: [SIMD2<Double>], sde: some ForwardSDE, score: @escaping ScoreFunction) throws
        -> (points: [SIMD2<Double>], evaluations: Int)
    {
        var y = initial.flatMap { [$0.x, $0.y] }
        let n = initial.count
        let evaluations = try integrateODE(&y, from: 1, to: endTime, method: method, epsAbs: tolerance, epsRel: tolerance) { t, y, dydt in
            let (f, g) = sde.coefficients(t)
            for i in 0..<n {
                let x = SIMD2(y[2 * i], y[2 * i + 1])
                let v = f * x - 0.5 * g * g * score(x, t)
                dydt[2 * i] = v.x
                dydt[2 * i + 1] = v.y
            }
        }
        return ((0..<n).map { SIMD2(y[2 * $0], y[2 * $0 + 1]) }, evaluations)
    }
}

extension ProbabilityFlowODE {
    /// log p_ε(x) by the instantaneous change of variables (Chen et al. 2018; Song et al. 2021,
    /// app. D.2): integrate [x; Δ] forward from t = ε to 1 with dΔ/dt = ∇·v(x, t), v the flow's
    /// velocity, then log p_ε(x) = log N(x_1; 0, s_prior² I) + Δ(1). In 2-D the divergence is exact:
    /// `divergence(x, t)` = ∇·score, so ∇·v = 2f(t) − ½g(t)²·∇·score. `priorLogDensity` defaults to
    /// the SDE's prior N(0, s² I); the true p_1 differs from it slightly (for VP, α(1) ≈ 0.0066).
    public func logLikelihood(
        _ x: SIMD2<Double>, sde: some ForwardSDE, score: @escaping ScoreFunction,
        divergence: @escaping (SIMD2<Double>, Double) -> Double, priorLogDensity: ((SIMD2<Double>) -> Double)? = nil
    ) throws -> (logp: Double, evaluations: Int) {
        var y = [x.x, x.y, 0]
        let evaluations = try integrateODE(&y, from: endTime, to: 1, method: method, epsAbs: tolerance, epsRel: tolerance) { t, y, d in
            let (f, g) = sde.coefficients(t)
            let p = SIMD2(y[0], y[1])
            let v = f * p - 0.5 * g * g * score(p, t)
            d[0] = v.x
            d[1] = v.y
            d[2] = 2 * f - 0.5 * g * g * divergence(p, t)
        }
        let s = sde.priorStandardDeviation
        let x1 = SIMD2(y[0], y[1])
        let prior = priorLogDensity?(x1) ?? -log(2 * Double.pi * s * s) - (x1 * x1).sum() / (2 * s * s)
        return (prior + y[2], evaluations)
    }
}

/// Euler–Maruyama on the reverse-time SDE dx = [f(t)x − g(t)²∇log p_t(x)] dt + g(t) dW̄
/// (Song et al. 2021, eq. 6) from t = 1 to ε in `steps` equal steps; the last step adds no noise.
public struct ReverseEulerMaruyama: Sendable {
    public var steps: Int
    public var endTime: Double

    public init(steps: Int, endTime: Double = 1e-3) {
        precondition(steps >= 1, "ReverseEulerMaruyama: steps must be at least 1, got \(steps)")
        self.steps = steps
        self.endTime = endTime
    }

    public func sample(_ initial: [SIMD2<Double>], sde: some ForwardSDE, rng: some RandomSource, score: ScoreFunction) -> [SIMD2<Double>] {
        var x = initial
        let dt = (1 - endTime) / Double(steps)
        for k in 0..<steps {
            let t = 1 - Double(k) * dt
            let (f, g) = sde.coefficients(t)
            let last = k == steps - 1
            for i in x.indices {
                let drift = f * x[i] - g * g * score(x[i], t)
                x[i] -= drift * dt
                if !last { x[i] += g * dt.squareRoot() * SIMD2(rng.gaussian(), rng.gaussian()) }
            }
        }
        return x
    }
}
