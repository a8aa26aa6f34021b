import Foundation

/// The noise levels of a noise-conditional score network (Song & Ermon 2019): x_i = x₀ + σ_i·ε with
/// geometric σ_i = σ_min·(σ_max/σ_min)^{i/(L−1)}, i = 0..<L (time = level index, 0 the least noisy).
/// Between levels σ follows the same geometric law, which is the VE SDE with t = i/(L − 1).
public struct NoiseLevels: NoiseProcess {
    public let sigmaMin: Double
    public let sigmaMax: Double
    public let levels: Int

    public init(sigmaMin: Double, sigmaMax: Double, levels: Int) {
        precondition(sigmaMax > sigmaMin && sigmaMin > 0 && levels >= 2, "NoiseLevels: need σ_max > σ_min > 0 and >= 2 levels")
        self.sigmaMin = sigmaMin
        self.sigmaMax = sigmaMax
        self.levels = levels
    }

    /// σ_i, largest first (the order annealed Langevin visits them).
    public var sigmasDescending: [Double] { (0..<levels).reversed().map { marginal(at: Double($0)).sigma } }

    public func marginal(at t: Double) -> (alpha: Double, sigma: Double) {
        (1, sigmaMin * pow(sigmaMax / sigmaMin, t / Double(levels - 1)))
    }
    public var timeRange: ClosedRange<Double> { 0...Double(levels - 1) }
    public func samplingTimes(steps: Int) throws -> [Double] { (0..<levels).reversed().map(Double.init) }
    public func trainingTime(uniform: Double) -> Double { Double(min(Int(uniform * Double(levels)), levels - 1)) }
    public func networkTime(_ t: Double) -> Float { Float(t) }
    public var priorStandardDeviation: Double { sigmaMax }
    public var sde: (any ForwardSDE)? { nil }
    public var discreteSteps: Int? { nil }
}
