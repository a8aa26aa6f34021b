import Stats
import Foundation

/// A discrete noise schedule: β_t for t = 0..<T (the forward step variances of Ho et al. 2020).
public protocol NoiseSchedule: Sendable {
    /// β_0..β_{T−1}, each in (0, 1); throws when `timesteps` leaves that range.
    func betas(timesteps: Int) throws -> [Double]
}

/// The schedules toy offers, by CLI name.
public enum ScheduleKind: String, CaseIterable, Codable, Sendable {
    case linear, cosine, quadratic, sigmoid

    public var schedule: any NoiseSchedule {
        switch self {
        case .linear: LinearSchedule()
        case .cosine: CosineSchedule()
        case .quadratic: QuadraticSchedule()
        case .sigmoid: SigmoidSchedule()
        }
    }

    public var summary: String {
        switch self {
        case .linear: "β linear from 1e-4 to 0.02 at T = 1000, scaled by 1000/T (Ho et al. 2020)"
        case .cosine: "ᾱ(t) = cos²((t/T + s)/(1 + s)·π/2), s = 0.008, β ≤ 0.999 (Nichol & Dhariwal 2021)"
        case .quadratic: "√β linear between √1e-4 and √0.02, scaled by 1000/T (Ho et al. 2020 code)"
        case .sigmoid: "β = 1e-4 + (0.02 − 1e-4)·σ(linspace(−6, 6)), scaled by 1000/T (Xu et al. 2022)"
        }
    }
}

/// Errors of schedules and processes.
public enum ScheduleError: Error, CustomStringConvertible {
    case tooFewTimesteps(Int)
    case betaOutOfRange(schedule: String, timesteps: Int, beta: Double)
    public var description: String {
        switch self {
        case .tooFewTimesteps(let t): return "--timesteps must be at least 2, got \(t)."
        case .betaOutOfRange(let s, let t, let b):
            return
                "the \(s) schedule at --timesteps \(t) gives β = \(b), outside (0, 1); use more timesteps (the 1000/T scaling needs T > 20) or --schedule cosine."
        }
    }
}

func checked(_ betas: [Double], schedule: String) throws -> [Double] {
    if let bad = betas.first(where: { !($0 > 0 && $0 < 1) }) {
        throw ScheduleError.betaOutOfRange(schedule: schedule, timesteps: betas.count, beta: bad)
    }
    return betas
}

/// β endpoints given for T = 1000, scaled by 1000/T for other T (improved-diffusion's rule, which
/// keeps the total noise comparable); throws for T < 2.
func scaledEndpoints(_ start: Double, _ end: Double, timesteps: Int) throws -> (start: Double, end: Double) {
    guard timesteps >= 2 else { throw ScheduleError.tooFewTimesteps(timesteps) }
    let scale = 1000 / Double(timesteps)
    return (scale * start, scale * end)
}

