import Foundation

/// The cosine schedule (Nichol & Dhariwal 2021, eq. 17): ᾱ(t) = f(t)/f(0),
/// f(t) = cos²((t/T + s)/(1 + s)·π/2), s = 0.008; β_t = min(1 − ᾱ(t+1)/ᾱ(t), 0.999).
public struct CosineSchedule: NoiseSchedule {
    public var offset = 0.008, maxBeta = 0.999
    public init() {}
    public func betas(timesteps: Int) throws -> [Double] {
        guard timesteps >= 2 else { throw ScheduleError.tooFewTimesteps(timesteps) }
        func f(_ t: Double) -> Double {
            let c = cos((t / Double(timesteps) + offset) / (1 + offset) * Double.pi / 2)
            return c * c
        }
        return try checked((0..<timesteps).map { min(1 - f(Double($0 + 1)) / f(Double($0)), maxBeta) }, schedule: "cosine")
    }
}
