import Foundation
import Stats

/// scikit-learn's `make_swiss_roll`: t = 1.5π(1 + 2u), (t·cos t, 21v, t·sin t) + noise·N(0, I₃);
/// FFJORD keeps columns (x, z) and divides by 5 (Grathwohl et al. 2019, lib/toy_data.py).
public struct SwissRoll: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 1.0 }
    /// Classes: 4 equal-length bins of the roll parameter t ∈ [1.5π, 4.5π].
    public var classes: Int { 4 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        var labels = [Int](repeating: 0, count: n)
        let points = (0..<n).map { i -> SIMD2<Double> in
            let u = rng.uniform()
            let t = 1.5 * Double.pi * (1 + 2 * u)
            labels[i] = min(Int(u * 4), 3)
            _ = rng.uniform()  // the height y = 21·v, dropped with its column
            let x = t * cos(t) + noise * rng.gaussian()
            _ = rng.gaussian()
            let z = t * sin(t) + noise * rng.gaussian()
            return SIMD2(x, z) / 5
        }
        return LabeledPoints(points: points, labels: labels)
    }
}
