import Foundation

/// DDPM as a `NoiseProcess`: time = timestep index 0..<T, α = √ᾱ_t, σ = √(1 − ᾱ_t); between
/// integer steps log(σ/α) is interpolated linearly and α² + σ² = 1 kept.
extension DiscreteDDPM: NoiseProcess {
    public func marginal(at t: Double) -> (alpha: Double, sigma: Double) {
        if let i = Int(exactly: t), i >= 0, i < timesteps { return marginal(i) }
        let r = interpolatedScaledSigma(t, count: timesteps) { marginal($0) }
        let alpha = 1 / (1 + r * r).squareRoot()
        return (alpha, r * alpha)
    }
    public var timeRange: ClosedRange<Double> { 0...Double(timesteps - 1) }
    public func samplingTimes(steps: Int) throws -> [Double] {
        try timestepSubsequence(timesteps: timesteps, steps: steps).reversed().map(Double.init)
    }
    public func trainingTime(uniform: Double) -> Double { Double(min(Int(uniform * Double(timesteps)), timesteps - 1)) }
    public func networkTime(_ t: Double) -> Float { Float(t) }
    public var priorStandardDeviation: Double { 1 }
    public var sde: (any ForwardSDE)? { nil }
    public var discreteSteps: Int? { timesteps }
}
