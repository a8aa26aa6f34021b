import Foundation

/// A forward noising process as samplers and training see it: x_t = α(t)·x₀ + σ(t)·ε on the
/// process's own time axis (a timestep index for DDPM, a level index for noise-conditional score
/// networks, t ∈ [0, 1] for the SDEs of Song et al. 2021). Discrete processes interpolate between
/// their grid points so that σ-space samplers (Karras et al. 2022) can evaluate them anywhere.
public protocol NoiseProcess: Sendable {
    /// α and σ of q(x_t | x₀) = N(α x₀, σ² I) at time t ∈ `timeRange`.
    func marginal(at t: Double) -> (alpha: Double, sigma: Double)
    /// The times sampling may use: from the least noisy to the prior.
    var timeRange: ClosedRange<Double> { get }
    /// `steps` sampling times, descending from the prior's end; discrete processes keep to their grid.
    func samplingTimes(steps: Int) throws -> [Double]
    /// A training time drawn from `uniform` ∈ [0, 1): integer steps uniformly, or t ~ U(ε, 1).
    func trainingTime(uniform: Double) -> Double
    /// The number the network's time embedding sees at time t.
    func networkTime(_ t: Double) -> Float
    /// Standard deviation of the prior N(0, s² I) sampling starts from.
    var priorStandardDeviation: Double { get }
    /// The SDE of a continuous process (nil for discrete chains).
    var sde: (any ForwardSDE)? { get }
    /// Whether the process is a discrete chain whose sampling steps cannot exceed its length.
    var discreteSteps: Int? { get }
}

extension NoiseProcess {
    /// σ/α, the noise level of x/α (Karras et al. 2022, "σ(t)" of the scaled process).
    public func scaledSigma(at t: Double) -> Double {
        let (a, s) = marginal(at: t)
        return s / a
    }

    /// The time at which σ/α equals `scaledSigma` (bisection; σ/α increases with t).
    public func time(atScaledSigma target: Double) -> Double {
        var (lo, hi) = (timeRange.lowerBound, timeRange.upperBound)
        if target <= scaledSigma(at: lo) { return lo }
        if target >= scaledSigma(at: hi) { return hi }
        for _ in 0..<80 {
            let mid = 0.5 * (lo + hi)
            if scaledSigma(at: mid) < target { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// Time as a fraction of the time range (0 at the clean end, 1 at the prior).
    public func unitTime(_ t: Double) -> Double {
        (t - timeRange.lowerBound) / (timeRange.upperBound - timeRange.lowerBound)
    }
}

/// Errors a process reports for a bad request.
public enum ProcessError: Error, CustomStringConvertible {
    case badStepCount(steps: Int, timesteps: Int)
    case badSteps(Int)
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let m): m
        case .badStepCount(let s, let t): "--sample-steps must be between 1 and --timesteps (\(t)), got \(s)."
        case .badSteps(let s): "--sample-steps must be at least 1, got \(s)."
        }
    }
}

/// `steps` timesteps out of 0..<T, evenly spaced, always including 0 and T − 1, ascending
/// (improved-diffusion's respacing; Nichol & Dhariwal 2021, §4).
public func timestepSubsequence(timesteps: Int, steps: Int) throws -> [Int] {
    guard steps >= 1 && steps <= timesteps else { throw ProcessError.badStepCount(steps: steps, timesteps: timesteps) }
    if steps == 1 { return [timesteps - 1] }
    let raw = (0..<steps).map { Int((Double($0) * Double(timesteps - 1) / Double(steps - 1)).rounded()) }
    return Array(Set(raw)).sorted()
}

/// σ/α at a fractional t, by linear interpolation of log(σ/α) between the integer points of a
/// discrete table (k-diffusion's treatment of DDPM models evaluated between their timesteps).
func interpolatedScaledSigma(_ t: Double, count: Int, _ table: (Int) -> (alpha: Double, sigma: Double)) -> Double {
    let c = min(max(t, 0), Double(count - 1))
    let i = min(Int(c), count - 2)
    let f = c - Double(i)
    let (a0, s0) = table(i), (a1, s1) = table(i + 1)
    return exp((1 - f) * log(s0 / a0) + f * log(s1 / a1))
}
