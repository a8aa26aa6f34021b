import Foundation

/// A continuous-time SDE process (VP, VE or sub-VP; Song et al. 2021) as a `NoiseProcess`:
/// t ∈ [ε, 1], training times t ~ U(ε, 1), sampling on a uniform grid from 1 to ε; the network
/// sees 1000·t so its time embedding spans the range it has for a 1000-step DDPM.
public struct ContinuousProcess: NoiseProcess {
    public let forward: any ForwardSDE
    /// The smallest time used by sampling (score_sde: 1e-3) and by training (1e-5).
    public let samplingEpsilon: Double
    public let trainingEpsilon: Double

    public init(_ sde: any ForwardSDE, samplingEpsilon: Double = 1e-3, trainingEpsilon: Double = 1e-5) {
        forward = sde
        self.samplingEpsilon = samplingEpsilon
        self.trainingEpsilon = trainingEpsilon
    }

    public func marginal(at t: Double) -> (alpha: Double, sigma: Double) { forward.marginal(t) }
    public var timeRange: ClosedRange<Double> { samplingEpsilon...1 }
    public func samplingTimes(steps: Int) throws -> [Double] {
        guard steps >= 1 else { throw ProcessError.badSteps(steps) }
        if steps == 1 { return [1] }
        return (0..<steps).map { 1 - Double($0) * (1 - samplingEpsilon) / Double(steps - 1) }
    }
    public func trainingTime(uniform: Double) -> Double { trainingEpsilon + uniform * (1 - trainingEpsilon) }
    public func networkTime(_ t: Double) -> Float { Float(1000 * t) }
    public var priorStandardDeviation: Double { forward.priorStandardDeviation }
    public var sde: (any ForwardSDE)? { forward }
    public var discreteSteps: Int? { nil }
}
