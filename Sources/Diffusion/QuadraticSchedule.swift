import Stats
/// √β_t linear between √1e-4 and √0.02 (the "quad" schedule of Ho et al.'s code), scaled by 1000/T.
public struct QuadraticSchedule: NoiseSchedule {
    public var betaStart = 1e-4, betaEnd = 0.02
    public init() {}
    public func betas(timesteps: Int) throws -> [Double] {
        let (b0, b1) = try scaledEndpoints(betaStart, betaEnd, timesteps: timesteps)
        let roots = linspace(b0.squareRoot(), b1.squareRoot(), timesteps)
        return try checked(roots.map { $0 * $0 }, schedule: "quadratic")
    }
}
