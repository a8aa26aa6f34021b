import Foundation
import Stats

/// scikit-learn's `make_circles(factor: 0.5)`: n/2 points evenly spaced on the unit circle, the rest
/// on the circle of radius ½, shuffled, plus noise·N(0, I) (noise 0.08); FFJORD multiplies by 3.
public struct Circles: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.08 }
    /// Classes: outer (0) and inner (1) circle.
    public var classes: Int { 2 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        let nOut = n / 2, nIn = n - nOut
        let outer = linspace(0, 2 * .pi, nOut, endpoint: false).map { SIMD2(cos($0), sin($0)) }
        let inner = linspace(0, 2 * .pi, nIn, endpoint: false).map { 0.5 * SIMD2(cos($0), sin($0)) }
        let labels = [Int](repeating: 0, count: nOut) + [Int](repeating: 1, count: nIn)
        var out = shuffled(LabeledPoints(points: outer + inner, labels: labels), rng: rng)
        out.points = out.points.map { 3 * ($0 + noise * SIMD2(rng.gaussian(), rng.gaussian())) }
        return out
    }
}
