import Foundation
import Stats

/// FFJORD's rings: four circles of radii 1, ¾, ½, ¼ (times 3) holding n/4 evenly spaced points each
/// (the remainder on the innermost), shuffled, plus noise·N(0, I) (noise 0.08).
public struct Rings: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.08 }
    public func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>] {
        let quarter = n / 4
        let counts = [quarter, quarter, quarter, n - 3 * quarter]
        var points: [SIMD2<Double>] = []
        for (ring, count) in counts.enumerated() {
            let radius = 1 - 0.25 * Double(ring)
            points += linspace(0, 2 * .pi, count, endpoint: false).map { 3 * radius * SIMD2(cos($0), sin($0)) }
        }
        return shuffled(points, rng: rng).map { $0 + noise * SIMD2(rng.gaussian(), rng.gaussian()) }
    }
}
