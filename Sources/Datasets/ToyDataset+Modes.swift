/// Mixture datasets whose modes are known, for mode-coverage statistics.
extension ToyDataset {
    /// Mode centres and their standard deviation, or nil when the dataset is not a Gaussian mixture.
    public var modes: (centers: [SIMD2<Double>], standardDeviation: Double)? {
        switch self {
        case .eightGaussians: (EightGaussians.centers, 0.5 / EightGaussians.scale)
        case .gmm: (GaussianMixture.songErmon.means, 1)
        default: nil
        }
    }
}
