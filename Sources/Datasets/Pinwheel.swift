import Foundation
import Stats

/// FFJORD's pinwheel: 5 arms; per point f = (1 + 0.3·z₁, noise·z₂) (noise = tangential sd 0.1),
/// angle a = 2πk/5 + 0.25·e^{f₁}, output 2·(f₁cos a + f₂sin a, −f₁sin a + f₂cos a); arms equally
/// represented, shuffled.
public struct Pinwheel: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.1 }
    /// Classes: the 5 arms.
    public var classes: Int { 5 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        let arms = 5
        let labels = (0..<n).map { $0 * arms / max(n, 1) }
        let points = (0..<n).map { i -> SIMD2<Double> in
            let arm = i * arms / max(n, 1)
            let f1 = rng.gaussian() * 0.3 + 1, f2 = rng.gaussian() * noise
            let a = 2 * Double.pi * Double(arm) / Double(arms) + 0.25 * exp(f1)
            return 2 * SIMD2(f1 * cos(a) + f2 * sin(a), -f1 * sin(a) + f2 * cos(a))
        }
        return shuffled(LabeledPoints(points: points, labels: labels), rng: rng)
    }
}
