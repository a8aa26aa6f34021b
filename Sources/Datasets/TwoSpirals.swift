import Foundation
import Stats

/// FFJORD's two spirals: s = √u·540·2π/360, p = (−s·cos s + ½v, s·sin s + ½w) for the first half
/// and −p for the second, divided by 3, plus noise·N(0, I) (noise 0.1).
public struct TwoSpirals: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.1 }
    /// Classes: the 2 spirals.
    public var classes: Int { 2 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        let half = n / 2
        let labels = (0..<n).map { $0 < half ? 0 : 1 }
        let points = (0..<n).map { i -> SIMD2<Double> in
            let s = rng.uniform().squareRoot() * 540 * 2 * Double.pi / 360
            let p = SIMD2(-cos(s) * s + rng.uniform() * 0.5, sin(s) * s + rng.uniform() * 0.5)
            let q = (i < half ? p : -p) / 3
            return q + noise * SIMD2(rng.gaussian(), rng.gaussian())
        }
        return shuffled(LabeledPoints(points: points, labels: labels), rng: rng)
    }
}
