import Foundation
import Stats

/// scikit-learn's `make_circles(factor: 0.5)`: n/2 points evenly spaced on the unit circle, the rest
/// on the circle of radius ½, shuffled, plus noise·N(0, I) (noise 0.08); FFJORD multiplies by 3.
public struct Circles: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.08 }
    public func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>] {
        let nOut = n / 2, nIn = n - nOut
        let outer = linspace(0, 2 * .pi, nOut, endpoint: false).map { SIMD2(cos($0), sin($0)) }
        let inner = linspace(0, 2 * .pi, nIn, endpoint: false).map { 0.5 * SIMD2(cos($0), sin($0)) }
        return shuffled(outer + inner, rng: rng).map { 3 * ($0 + noise * SIMD2(rng.gaussian(), rng.gaussian())) }
    }
}
