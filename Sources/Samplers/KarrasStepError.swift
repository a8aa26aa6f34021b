import Diffusion
import Engine
import Foundation
import Stats

/// Where a one-step σ-space method (Euler or Heun on the Karras grid) loses accuracy, step by
/// step. Each step starts from points on the model's exact probability-flow trajectory at σ̃_i
/// and compares one step of the method to σ̃_{i+1} with the same step integrated by Heun over
/// `substeps` geometric sub-steps (the reference; its own error is estimated against twice as many
/// sub-steps, Richardson-style). The walk then continues from the reference, so every step is
/// judged from exact inputs. With an exact model (a Gaussian mixture) this isolates the
/// integrator's error from the learning error. The last step to σ̃ = 0 is a plain Euler step to
/// the denoised mean in both methods and is not measured.
public struct KarrasStepError: Sendable, Equatable {
    public var step: Int
    public var sigmaFrom: Double
    public var sigmaTo: Double
    /// mean‖x_method − x_ref‖ / mean‖x_ref − x_start‖: the error relative to the step's length.
    public var relativeError: Double
    /// The per-axis standard deviation of the method's endpoints over the reference's (mean over axes).
    public var spreadRatio: Double
    /// The same relative measure between the reference and the reference with twice the sub-steps.
    public var referenceError: Double

    /// Measures `method` (.euler or .heun) along the Karras grid of `steps` steps from `initial`
    /// (points x_T at the process's largest time).
    public static func measure(
        method: SamplerKind, model: any DenoisingModel, process: any NoiseProcess, initial: Tensor, steps: Int, substeps: Int = 100
    ) throws -> [KarrasStepError] {
        guard method == .euler || method == .heun else {
            throw SamplerError.notAKarrasStep(sampler: method.rawValue)
        }
        guard substeps >= 2 else { throw ProcessError.badSteps(substeps) }
        let denoiser = ScaledDenoiser(model: model, process: process, clip: nil)
        let sigmas = try karrasSigmas(process: process, steps: steps)
        var x = initial
        let a0 = Float(process.marginal(at: process.timeRange.upperBound).alpha)
        for j in 0..<x.count { x.scalars[j] /= a0 }
        func refined(_ start: Tensor, from s: Double, to next: Double, _ m: Int) -> Tensor {
            var y = start
            for k in 0..<m {
                let (a, b) = (s * pow(next / s, Double(k) / Double(m)), s * pow(next / s, Double(k + 1) / Double(m)))
                Heun.step(&y, from: a, to: b, denoiser: denoiser)
            }
            return y
        }
        var out: [KarrasStepError] = []
        for i in 0..<(sigmas.count - 1) where sigmas[i + 1] > 0 {
            let (s, next) = (sigmas[i], sigmas[i + 1])
            var one = x
            if method == .heun { Heun.step(&one, from: s, to: next, denoiser: denoiser) } else { Euler.step(&one, from: s, to: next, denoiser: denoiser) }
            let reference = refined(x, from: s, to: next, substeps)
            let finer = refined(x, from: s, to: next, 2 * substeps)
            let length = meanDistance(reference, x)
            out.append(
                KarrasStepError(
                    step: i, sigmaFrom: s, sigmaTo: next, relativeError: meanDistance(one, reference) / length,
                    spreadRatio: spread(one) / spread(reference), referenceError: meanDistance(reference, finer) / length))
            x = finer
        }
        return out
    }

    /// The mean over rows of the Euclidean distance between matching rows.
    static func meanDistance(_ a: Tensor, _ b: Tensor) -> Double {
        let (n, d) = (a.shape[0], a.count / a.shape[0])
        var total = 0.0
        for i in 0..<n {
            var squared = 0.0
            for j in 0..<d {
                let e = Double(a.scalars[i * d + j]) - Double(b.scalars[i * d + j])
                squared += e * e
            }
            total += squared.squareRoot()
        }
        return total / Double(n)
    }

    /// The mean over axes of each axis's standard deviation across rows (`Stats.Summary`).
    static func spread(_ a: Tensor) -> Double {
        let (n, d) = (a.shape[0], a.count / a.shape[0])
        let deviations = (0..<d).map { j in Summary((0..<n).map { Double(a.scalars[$0 * d + j]) }).variance.squareRoot() }
        return deviations.reduce(0, +) / Double(d)
    }
}
