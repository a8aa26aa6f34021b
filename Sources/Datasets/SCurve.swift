import Foundation
import Stats

/// scikit-learn's `make_s_curve`: t = 3π(u − ½), (sin t, 2v, sign(t)(cos t − 1)) + noise·N(0, I₃);
/// columns (x, z), times 2.
public struct SCurve: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.1 }
    public func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>] {
        (0..<n).map { _ in
            let t = 3 * Double.pi * (rng.uniform() - 0.5)
            _ = rng.uniform()  // the height y = 2v, dropped with its column
            let x = sin(t) + noise * rng.gaussian()
            _ = rng.gaussian()
            let z = (t < 0 ? -1.0 : t > 0 ? 1.0 : 0.0) * (cos(t) - 1) + noise * rng.gaussian()
            return 2 * SIMD2(x, z)
        }
    }
}
