import NN
import Foundation

/// Linear warm-up from 0 over `warmupSteps`, then cosine decay to `floor`·peak at `totalSteps`
/// (Loshchilov & Hutter 2017; Goyal et al. 2017 for the warm-up):
/// lr(s) = peak·s/w for s < w, else peak·(floor + (1−floor)·½(1 + cos(π·(s−w)/(S−w)))).
public struct LearningRateSchedule: Codable, Sendable, Equatable {
    public var peak: Double
    public var warmupSteps: Int
    public var totalSteps: Int
    public var floor: Double

    public init(peak: Double, warmupSteps: Int, totalSteps: Int, floor: Double = 0.1) {
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.floor = floor
    }

    /// The rate for 0-based step `step`.
    public func rate(at step: Int) -> Double {
        if step < warmupSteps { return peak * Double(step + 1) / Double(warmupSteps) }
        let span = max(totalSteps - warmupSteps, 1)
        let progress = min(Double(step - warmupSteps) / Double(span), 1)
        return peak * (floor + (1 - floor) * 0.5 * (1 + cos(Double.pi * progress)))
    }
}
