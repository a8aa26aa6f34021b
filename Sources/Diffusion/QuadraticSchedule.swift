/// √β_t linear between √1e-4 and √0.02 (the "quad" schedule of Ho et al.'s code), scaled by 1000/T.
public struct QuadraticSchedule: NoiseSchedule {
    public var betaStart = 1e-4, betaEnd = 0.02
    public init() {}
    public func betas(timesteps: Int) throws -> [Double] {
        guard timesteps >= 2 else { throw ScheduleError.tooFewTimesteps(timesteps) }
        let scale = 1000 / Double(timesteps)
        let roots = linspace((scale * betaStart).squareRoot(), (scale * betaEnd).squareRoot(), timesteps)
        return try checked(roots.map { $0 * $0 }, schedule: "quadratic")
    }
}
