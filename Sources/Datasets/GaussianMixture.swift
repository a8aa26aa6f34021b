import Foundation
import Stats

/// A Gaussian mixture as a toy dataset: it draws from its components, labelled by component.
extension GaussianMixture: ToyDistribution {
    /// 0.8·N((5, 5), I) + 0.2·N((−5, −5), I): the annealed-Langevin toy of Song & Ermon 2019 (fig. 3).
    public static let songErmon = GaussianMixture(
        weights: [0.8, 0.2], means: [SIMD2(5, 5), SIMD2(-5, -5)],
        standardDeviations: [1, 1])

    /// `noise` scales every component's standard deviation (1 = as defined).
    public var defaultNoise: Double { 1 }

    /// Classes: the components.
    public var classes: Int { weights.count }

    public func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints {
        var labels = [Int](repeating: 0, count: n)
        let points = (0..<n).map { i -> SIMD2<Double> in
            let k = rng.categorical(weights)
            labels[i] = k
            return means[k] + noise * standardDeviations[k] * SIMD2(rng.gaussian(), rng.gaussian())
        }
        return LabeledPoints(points: points, labels: labels)
    }
}
