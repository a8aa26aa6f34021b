import Foundation
import Stats

/// Mixture datasets whose modes are known, for mode-coverage statistics and exact models.
extension ToyDataset {
    /// Mode centres and their standard deviation, or nil when the dataset is not a Gaussian mixture.
    public var modes: (centers: [SIMD2<Double>], standardDeviation: Double)? {
        mixture(noise: nil).map { ($0.means, $0.standardDeviations[0]) }
    }

    /// The dataset as an isotropic Gaussian mixture at noise level `noise` (nil = its convention),
    /// or nil when it has no such closed form.
    public func mixture(noise: Double?) -> GaussianMixture? {
        switch self {
        case .eightGaussians:
            let sd = (noise ?? EightGaussians().defaultNoise) / EightGaussians.scale
            return GaussianMixture(
                weights: [Double](repeating: 1, count: 8), means: EightGaussians.centers,
                standardDeviations: [Double](repeating: sd, count: 8))
        case .gmm:
            let m = GaussianMixture.songErmon
            return GaussianMixture(weights: m.weights, means: m.means, standardDeviations: m.standardDeviations.map { $0 * (noise ?? 1) })
        default:
            return nil
        }
    }

    /// The datasets with a closed-form score.
    public static var withExactScore: [ToyDataset] { allCases.filter { $0.mixture(noise: nil) != nil } }
}

extension ToyDataset {
    /// The differential entropy (nats) of the dataset at its conventional noise, where known: the
    /// smallest mean negative log-likelihood any model can reach. `checkerboard` is uniform on
    /// area 32 (ln 32); `8gaussians` is 2.832 (numerical integration of its mixture density;
    /// ln 8 + ln(2πe s²) = 2.838 would hold without the slight overlap of its modes); `gmm`'s modes
    /// are 14 standard deviations apart, so its entropy is H(0.8, 0.2) + ln(2πe).
    public var entropy: Double? {
        switch self {
        case .checkerboard: log(32)
        case .eightGaussians: 2.832
        case .gmm: -(0.8 * log(0.8) + 0.2 * log(0.2)) + log(2 * Double.pi * exp(1))
        default: nil
        }
    }
}
