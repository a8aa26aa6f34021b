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
