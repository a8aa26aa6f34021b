import Foundation
import Stats

/// scikit-learn's `make_moons`: n/2 points on the upper half circle (cos s, sin s) and the rest on
/// (1 − cos s, 1 − sin s − 0.5), s evenly spaced on [0, π], plus noise·N(0, I), shuffled;
/// FFJORD then maps x ↦ 2x + (−1, −0.2).
public struct TwoMoons: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.1 }
    /// Classes: the upper (0) and lower (1) moon.
    public var classes: Int { 2 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        let nOut = n / 2, nIn = n - nOut
        let outer = linspace(0, .pi, nOut).map { SIMD2(cos($0), sin($0)) }
        let inner = linspace(0, .pi, nIn).map { SIMD2(1 - cos($0), 1 - sin($0) - 0.5) }
        let labels = [Int](repeating: 0, count: nOut) + [Int](repeating: 1, count: nIn)
        var out = shuffled(LabeledPoints(points: outer + inner, labels: labels), rng: rng)
        out.points = out.points.map { p in 2 * (p + noise * SIMD2(rng.gaussian(), rng.gaussian())) + SIMD2(-1, -0.2) }
        return out
    }
}
