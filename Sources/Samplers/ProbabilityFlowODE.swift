import Diffusion
import Engine
import Foundation
import Stats

/// The probability-flow ODE dx/dt = f(t)x − ½g(t)²∇log p_t(x) (Song et al. 2021, eq. 13) solved
/// from t = 1 down to ε by GSL's adaptive integrators (rk8pd or rkf45, |err| ≤ tol·(1 + |x|));
/// the whole batch is one system, so every point shares the step sizes. The evaluations GSL
/// actually used are reported as NFE; `denoise` adds Tweedie's x̂₀ at ε.
public struct ProbabilityFlowODE: Sampler {
    /// GSL integrator and its tolerance (absolute = relative).
    public var method: ODEMethod
    public var tolerance: Double
    /// Finish with Tweedie's x̂₀ (one more evaluation).
    public var denoise: Bool

    public init(
        method: ODEMethod = .standard, tolerance: Double = SamplingConfiguration().odeTolerance, denoise: Bool = SamplingConfiguration().denoise
    ) {
        self.method = method
        self.tolerance = tolerance
        self.denoise = denoise
    }
    public var summary: String { "probability-flow ODE with GSL's adaptive rk8pd/rkf45 (Song et al. 2021, eq. 13); NFE as used" }
    public var processes: [ProcessKind] { ProcessKind.withSDE }

    public func sample(
        model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, options: SamplingOptions,
        rng: some RandomSource, progress: (Int) -> Void
    ) throws -> SamplingResult {
        let context = try SDEContext(sampler: "ode", model: model, process: process)
        let shape = initial.shape
        var y = initial.scalars.map(Double.init)
        let end = process.timeRange.lowerBound
        let evaluations = try integrateODE(
            &y, from: 1, to: end, method: method, epsAbs: tolerance, epsRel: tolerance
        ) { t, y, dydt in
            let x = Tensor(shape: shape, scalars: (0..<initial.count).map { Float(y[$0]) })
            let score = context.score(x, t)
            let (f, g) = context.sde.coefficients(t)
            for j in 0..<initial.count { dydt[j] = f * y[j] - 0.5 * g * g * Double(score.scalars[j]) }
        }
        progress(options.steps)
        var x = Tensor(shape: shape, scalars: y.map(Float.init))
        if denoise { x = context.denoised(x, end, clip: options.clip) }
        return SamplingResult(samples: x, trajectory: [], modelEvaluations: evaluations + (denoise ? 1 : 0))
    }
}
