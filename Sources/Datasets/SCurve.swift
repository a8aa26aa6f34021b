import Foundation
import Stats

/// scikit-learn's `make_s_curve`: t = 3π(u − ½), (sin t, 2v, sign(t)(cos t − 1)) + noise·N(0, I₃);
/// columns (x, z), times 2.
public struct SCurve: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.1 }
    /// Classes: 4 equal-length bins of the curve parameter t ∈ [−1.5π, 1.5π].
    public var classes: Int { 4 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        var labels = [Int](repeating: 0, count: n)
        let points = (0..<n).map { i -> SIMD2<Double> in
            let u = rng.uniform()
            let t = 3 * Double.pi * (u - 0.5)
            labels[i] = min(Int(u * 4), 3)
            _ = rng.uniform()  // the height y = 2v, dropped with its column
            let x = sin(t) + noise * rng.gaussian()
            _ = rng.gaussian()
            let z = (t < 0 ? -1.0 : t > 0 ? 1.0 : 0.0) * (cos(t) - 1) + noise * rng.gaussian()
            return 2 * SIMD2(x, z)
        }
        return LabeledPoints(points: points, labels: labels)
    }
}
