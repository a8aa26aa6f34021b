import Stats
import Foundation

/// β_t = β₁ + (β_T − β₁)·σ(linspace(−6, 6, T)) (GeoDiff, Xu et al. 2022), with β₁ = 1e-4 and
/// β_T = 0.02 scaled by 1000/T.
public struct SigmoidSchedule: NoiseSchedule {
    public var betaStart = 1e-4, betaEnd = 0.02
    public init() {}
    public func betas(timesteps: Int) throws -> [Double] {
        let (b0, b1) = try scaledEndpoints(betaStart, betaEnd, timesteps: timesteps)
        return try checked(linspace(-6, 6, timesteps).map { b0 + (b1 - b0) / (1 + exp(-$0)) }, schedule: "sigmoid")
    }
}
