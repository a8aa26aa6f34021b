import Foundation
import Stats

/// Eight Gaussians of standard deviation `noise` (0.5) centred at 4·(cos kπ/4, sin kπ/4), chosen
/// uniformly, all divided by 1.414 (FFJORD). Its differential entropy is 2.832 nats.
public struct EightGaussians: ToyDistribution {
    public init() {}
    public var defaultNoise: Double { 0.5 }
    public static let scale = 1.414

    /// The eight centres after the final division.
    public static var centers: [SIMD2<Double>] {
        (0..<8).map { k in 4 * SIMD2(cos(Double(k) * .pi / 4), sin(Double(k) * .pi / 4)) / scale }
    }

    /// Classes: the 8 modes, k = 0 at angle 0, counter-clockwise.
    public var classes: Int { 8 }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        var labels = [Int](repeating: 0, count: n)
        let points = (0..<n).map { i -> SIMD2<Double> in
            let z = SIMD2(rng.gaussian(), rng.gaussian()) * noise
            labels[i] = rng.uniformInt(below: 8)
            let c = Self.centers[labels[i]] * Self.scale
            return (c + z) / Self.scale
        }
        return LabeledPoints(points: points, labels: labels)
    }
}
