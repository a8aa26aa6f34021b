import Stats

/// A 2-D point distribution to learn. Every draw comes from the seeded `RandomSource`.
public protocol ToyDistribution: Sendable {
    /// The noise level used when none is given (the published convention).
    var defaultNoise: Double { get }
    /// `n` points; `noise` is the Gaussian jitter's standard deviation in the generator's own units.
    func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>]
}

/// The toy datasets by CLI name.
public enum ToyDataset: String, CaseIterable, Codable, Sendable {
    case swissroll, moons, scurve
    case eightGaussians = "8gaussians"
    case checkerboard, pinwheel
    case twoSpirals = "2spirals"
    case rings, circles, gmm

    public var distribution: any ToyDistribution {
        switch self {
        case .swissroll: SwissRoll()
        case .moons: TwoMoons()
        case .scurve: SCurve()
        case .eightGaussians: EightGaussians()
        case .checkerboard: Checkerboard()
        case .pinwheel: Pinwheel()
        case .twoSpirals: TwoSpirals()
        case .rings: Rings()
        case .circles: Circles()
        case .gmm: GaussianMixture.songErmon
        }
    }

    public var summary: String {
        switch self {
        case .swissroll: "scikit-learn make_swiss_roll(noise 1.0), columns (x, z), / 5 (FFJORD)"
        case .moons: "scikit-learn make_moons(noise 0.1), x2 + (-1, -0.2) (FFJORD)"
        case .scurve: "scikit-learn make_s_curve(noise 0.1), columns (x, z), x2"
        case .eightGaussians: "8 Gaussians (sd 0.5) on a circle of radius 4, / 1.414 (FFJORD)"
        case .checkerboard: "uniform on 8 squares of a 4x4 checkerboard over [-4, 4]^2 (FFJORD)"
        case .pinwheel: "5 curved arms, radial sd 0.3, tangential sd 0.1 (FFJORD)"
        case .twoSpirals: "two interleaved spirals, noise 0.1 (FFJORD)"
        case .rings: "4 concentric rings of radii 3, 2.25, 1.5, 0.75, noise 0.08 (FFJORD)"
        case .circles: "scikit-learn make_circles(factor 0.5, noise 0.08), x3 (FFJORD)"
        case .gmm: "0.8 N((5,5), I) + 0.2 N((-5,-5), I) (Song & Ermon 2019)"
        }
    }

    /// Draws `n` points with `noise` (default: the dataset's convention).
    public func sample(_ n: Int, noise: Double? = nil, rng: some RandomSource) -> [SIMD2<Double>] {
        let d = distribution
        return d.sample(n, noise: noise ?? d.defaultNoise, rng: rng)
    }
}

/// Shuffles points in place with the seeded source (scikit-learn's shuffle=True).
func shuffled(_ points: [SIMD2<Double>], rng: some RandomSource) -> [SIMD2<Double>] {
    rng.permutation(points.count).map { points[$0] }
}

/// n evenly spaced values from a to b (endpoint included unless `endpoint` is false), numpy's linspace.
func linspace(_ a: Double, _ b: Double, _ n: Int, endpoint: Bool = true) -> [Double] {
    guard n > 0 else { return [] }
    let div = Double(endpoint ? max(n - 1, 1) : n)
    return (0..<n).map { a + (b - a) * Double($0) / div }
}
