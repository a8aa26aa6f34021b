import Foundation
import Stats

/// FFJORD's checkerboard: x₁ ~ U(−2, 2), x₂ = u − 2b + (⌊x₁⌋ mod 2) with u ~ U(0, 1), b ~ Bernoulli(½),
/// both times 2: uniform on 8 of the 16 unit-2 squares of [−4, 4]², entropy ln 32 = 3.466 nats.
/// `noise` (default 0) adds Gaussian jitter.
public struct Checkerboard: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0 }
    /// Classes: the 8 squares, numbered row by row from the bottom (2 per row).
    public var classes: Int { 8 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        var labels = [Int](repeating: 0, count: n)
        let points = (0..<n).map { i -> SIMD2<Double> in
            let x1 = rng.uniform() * 4 - 2
            let x2 = rng.uniform() - Double(rng.uniformInt(below: 2)) * 2
            let parity = floor(x1).truncatingRemainder(dividingBy: 2)
            let y = x2 + (parity < 0 ? parity + 2 : parity)
            let (column, row) = (min(Int(floor(x1)) + 2, 3), min(Int(floor(y)) + 2, 3))
            labels[i] = row * 2 + column / 2
            let p = 2 * SIMD2(x1, y)
            return noise > 0 ? p + noise * SIMD2(rng.gaussian(), rng.gaussian()) : p
        }
        return LabeledPoints(points: points, labels: labels)
    }
}
