import Stats
/// β_t linear from 1e-4 to 0.02 at T = 1000 (Ho et al. 2020), both ends scaled by 1000/T for
/// other T as improved-diffusion does, so the total noise stays comparable.
public struct LinearSchedule: NoiseSchedule {
    public var betaStart = 1e-4, betaEnd = 0.02
    public init() {}
    public func betas(timesteps: Int) throws -> [Double] {
        let (b0, b1) = try scaledEndpoints(betaStart, betaEnd, timesteps: timesteps)
        return try checked(linspace(b0, b1, timesteps), schedule: "linear")
    }
}
