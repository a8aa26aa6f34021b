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

    public func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>] {
        (0..<n).map { _ in
            let z = SIMD2(rng.gaussian(), rng.gaussian()) * noise
            let c = Self.centers[rng.uniformInt(below: 8)] * Self.scale
            return (c + z) / Self.scale
        }
    }
}
