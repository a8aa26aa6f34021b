import Foundation
import Stats

/// scikit-learn's `make_swiss_roll`: t = 1.5π(1 + 2u), (t·cos t, 21v, t·sin t) + noise·N(0, I₃);
/// FFJORD keeps columns (x, z) and divides by 5 (Grathwohl et al. 2019, lib/toy_data.py).
public struct SwissRoll: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 1.0 }
    public func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>] {
        (0..<n).map { _ in
            let t = 1.5 * Double.pi * (1 + 2 * rng.uniform())
            _ = rng.uniform()  // the height y = 21·v, dropped with its column
            let x = t * cos(t) + noise * rng.gaussian()
            _ = rng.gaussian()
            let z = t * sin(t) + noise * rng.gaussian()
            return SIMD2(x, z) / 5
        }
    }
}
