import Foundation
import Stats

/// FFJORD's rings: four circles of radii 1, ¾, ½, ¼ (times 3) holding n/4 evenly spaced points each
/// (the remainder on the innermost), shuffled, plus noise·N(0, I) (noise 0.08).
public struct Rings: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.08 }
    /// Classes: the 4 rings, outermost first.
    public var classes: Int { 4 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        let quarter = n / 4
        let counts = [quarter, quarter, quarter, n - 3 * quarter]
        var points: [SIMD2<Double>] = []
        var labels: [Int] = []
        for (ring, count) in counts.enumerated() {
            let radius = 1 - 0.25 * Double(ring)
            points += linspace(0, 2 * .pi, count, endpoint: false).map { 3 * radius * SIMD2(cos($0), sin($0)) }
            labels += [Int](repeating: ring, count: count)
        }
        var out = shuffled(LabeledPoints(points: points, labels: labels), rng: rng)
        out.points = out.points.map { $0 + noise * SIMD2(rng.gaussian(), rng.gaussian()) }
        return out
    }
}
