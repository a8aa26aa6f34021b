import Stats

/// A 2-D point distribution to learn, with its natural classes. Every draw comes from the seeded
/// `RandomSource`; the labels cost no extra draws, so points are the same with or without them.
public protocol ToyDistribution: Sendable {
    /// The noise level used when none is given (the published convention).
    var defaultNoise: Double { get }
    /// Number of natural classes (labels 0..<classes).
    var classes: Int { get }
    /// `n` points and their class labels; `noise` is the Gaussian jitter's standard deviation in
    /// the generator's own units.
    func sampleLabeled(_ n: Int, noise: Double, rng: some RandomSource) -> LabeledPoints
}

extension ToyDistribution {
    /// `n` points without their labels.
    public func sample(_ n: Int, noise: Double, rng: some RandomSource) -> [SIMD2<Double>] {
        sampleLabeled(n, noise: noise, rng: rng).points
    }
}

/// Points with one class label each.
public struct LabeledPoints: Sendable {
    public var points: [SIMD2<Double>]
    public var labels: [Int]

    public init(points: [SIMD2<Double>], labels: [Int]) {
        precondition(points.count == labels.count, "LabeledPoints: \(labels.count) labels for \(points.count) points")
        self.points = points
        self.labels = labels
    }

    /// The points of class `label`.
    public func points(ofClass label: Int) -> [SIMD2<Double>] { zip(points, labels).filter { $0.1 == label }.map(\.0) }
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
        sampleLabeled(n, noise: noise, rng: rng).points
    }

    /// Draws `n` points and their labels with `noise` (default: the dataset's convention).
    public func sampleLabeled(_ n: Int, noise: Double? = nil, rng: some RandomSource) -> LabeledPoints {
        let d = distribution
        return d.sampleLabeled(n, noise: noise ?? d.defaultNoise, rng: rng)
    }

    /// Number of natural classes.
    public var classes: Int { distribution.classes }
}

/// Shuffles points and their labels with one permutation of the seeded source (scikit-learn's
/// shuffle=True).
func shuffled(_ data: LabeledPoints, rng: some RandomSource) -> LabeledPoints {
    let order = rng.permutation(data.points.count)
    return LabeledPoints(points: order.map { data.points[$0] }, labels: order.map { data.labels[$0] })
}
