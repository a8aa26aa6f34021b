import CGSL
import Foundation
import Stats
import Testing

func gaussianCloud(_ n: Int, mean: SIMD2<Double>, sd: Double, seed: UInt64) -> [SIMD2<Double>] {
    let rng = GSLRandom(seed: seed)
    return (0..<n).map { _ in mean + sd * SIMD2(rng.gaussian(), rng.gaussian()) }
}

@Suite struct KDTreeTests {
    @Test func nearestNeighboursMatchBruteForce() {
        let pts = gaussianCloud(2000, mean: .zero, sd: 1, seed: 1)
        let tree = KDTree(pts)
        for q in gaussianCloud(50, mean: .zero, sd: 1.5, seed: 2) {
            let brute = pts.indices.map { (i: $0, d: ((pts[$0] - q) * (pts[$0] - q)).sum().squareRoot()) }.sorted { $0.d < $1.d }
            let got = tree.nearest(q, k: 5)
            #expect(got.map(\.index) == brute.prefix(5).map(\.i))
            let r = (brute[20].d + brute[21].d) / 2  // strictly between two neighbours: no rounding at the boundary
            #expect(Set(tree.within(q, radius: r)) == Set(brute.filter { $0.d <= r }.map(\.i)))
        }
        #expect(tree.nearest(pts[7], k: 1, excluding: 7)[0].index != 7)
    }
}

@Suite struct TwoSampleTests {
    let a = gaussianCloud(1500, mean: .zero, sd: 1, seed: 3)
    let b = gaussianCloud(1500, mean: .zero, sd: 1, seed: 4)
    let shifted = gaussianCloud(1500, mean: SIMD2(1, 0), sd: 1, seed: 5)

    /// For N(μ₁, s²I) and N(μ₂, s²I) in 2-D: E‖X − Y‖ is the mean of a Rice distribution with
    /// σ = √2·s, ν = ‖δ‖: σ√(π/2)·L½(−ν²/2σ²), L½(x) = e^{x/2}[(1 − x)I₀(−x/2) − x·I₁(−x/2)].
    static func riceMean(nu: Double, sigma: Double) -> Double {
        let x = -nu * nu / (2 * sigma * sigma)
        let i0: Double = gsl_sf_bessel_I0(-x / 2)
        let i1: Double = gsl_sf_bessel_I1(-x / 2)
        let laguerre: Double = exp(x / 2) * ((1 - x) * i0 - x * i1)
        return sigma * (Double.pi / 2).squareRoot() * laguerre
    }

    @Test func energyDistanceMatchesTheGaussianClosedForm() {
        let s = 2.0.squareRoot()
        let exact = 2 * Self.riceMean(nu: 1, sigma: s) - 2 * Self.riceMean(nu: 0, sigma: s)
        let est = TwoSample.energyDistance(a, shifted)
        #expect(abs(est - exact) < 0.03, "energy distance \(est), closed form \(exact)")
        #expect(abs(TwoSample.energyDistance(a, b)) < 0.01)
    }

    /// MMD² for N(μ₁, s²I), N(μ₂, s²I) in 2-D with the Gaussian kernel of bandwidth h:
    /// 2·h²/(h² + 2s²)·(1 − exp(−‖δ‖²/(2(h² + 2s²)))).
    @Test func mmdMatchesTheGaussianClosedForm() {
        for h in [0.5, 1.0, 2.0] {
            let c = h * h / (h * h + 2)
            let exact = 2 * c * (1 - exp(-1 / (2 * (h * h + 2))))
            let est = TwoSample.mmdSquared(a, shifted, bandwidths: [h])
            #expect(abs(est - exact) < 0.01, "h = \(h): \(est) vs \(exact)")
            #expect(abs(TwoSample.mmdSquared(a, b, bandwidths: [h])) < 0.005)
        }
    }

    /// W₂ between N(0, I) and N(δ, I) is ‖δ‖ along δ and 0 across: sliced over uniform angles,
    /// √(mean cos²θ)·‖δ‖ = ‖δ‖/√2.
    @Test func slicedWassersteinMatchesTheShift() {
        let est = TwoSample.slicedWasserstein(a, shifted)
        #expect(abs(est - 1 / 2.0.squareRoot()) < 0.06, "\(est)")
        // N(0, I) against N(0, 4I): every projection compares N(0, 1) with N(0, 4), W₂ = |1 − 2| = 1.
        let wide = gaussianCloud(1500, mean: .zero, sd: 2, seed: 11)
        #expect(abs(TwoSample.slicedWasserstein(a, wide) - 1) < 0.08)
    }

    @Test func classifierSeparatesShiftedCloudsButNotEqualOnes() {
        #expect(abs(TwoSample.classifierAccuracy(a, b) - 0.5) < 0.04)
        #expect(TwoSample.classifierAccuracy(a, shifted) > 0.65)
    }

    @Test func outliersLowerPrecisionAndADroppedModeLowersRecall() {
        let data = gaussianCloud(1000, mean: SIMD2(-3, 0), sd: 0.5, seed: 6) + gaussianCloud(1000, mean: SIMD2(3, 0), sd: 0.5, seed: 7)
        let good = gaussianCloud(1000, mean: SIMD2(-3, 0), sd: 0.5, seed: 8) + gaussianCloud(1000, mean: SIMD2(3, 0), sd: 0.5, seed: 9)
        let base = TwoSample.precisionRecall(samples: good, data: data)
        var outliers = good
        for i in 0..<40 { outliers[i] = SIMD2(0, 10 + Double(i)) }  // 2% flung far away
        let withOutliers = TwoSample.precisionRecall(samples: outliers, data: data)
        #expect(withOutliers.precision < base.precision - 0.015)
        let oneMode = gaussianCloud(2000, mean: SIMD2(-3, 0), sd: 0.5, seed: 10)
        let dropped = TwoSample.precisionRecall(samples: oneMode, data: data)
        #expect(dropped.recall < base.recall - 0.4)
        #expect(base.precision > 0.9 && base.recall > 0.9)
    }
}

@Suite struct SampleQualityTests {
    static let modes = [SIMD2(-3.0, 0), SIMD2(3.0, 0)]
    static func mixture(_ n: Int, seed: UInt64, sd: Double = 0.5) -> [SIMD2<Double>] {
        gaussianCloud(n / 2, mean: modes[0], sd: sd, seed: seed) + gaussianCloud(n - n / 2, mean: modes[1], sd: sd, seed: seed + 100)
    }

    /// Energy distance and k-NN precision/recall against brute-force O(n²) computations of their
    /// definitions (Székely & Rizzo 2013 with U-statistics within sets; Kynkäänniemi et al. 2019).
    @Test func energyDistanceAndPrecisionRecallMatchBruteForce() {
        let x = Self.mixture(300, seed: 1), y = Self.mixture(300, seed: 2, sd: 0.7)
        func dist(_ p: SIMD2<Double>, _ q: SIMD2<Double>) -> Double { ((p - q) * (p - q)).sum().squareRoot() }
        func meanWithin(_ s: [SIMD2<Double>]) -> Double {
            var t = 0.0
            for i in s.indices { for j in s.indices where j != i { t += dist(s[i], s[j]) } }
            return t / Double(s.count * (s.count - 1))
        }
        let across = x.flatMap { p in y.map { dist(p, $0) } }.reduce(0, +) / Double(x.count * y.count)
        let energy = 2 * across - meanWithin(x) - meanWithin(y)
        #expect(abs(TwoSample.energyDistance(x, y) - energy) < 1e-9 * max(1, abs(energy)))
        // Precision: share of samples inside some data point's ball of radius = its 3rd-NN distance
        // within the data (itself excluded); recall the same with the roles swapped.
        func radii(_ s: [SIMD2<Double>]) -> [Double] { s.indices.map { i in s.indices.filter { $0 != i }.map { dist(s[i], s[$0]) }.sorted()[2] } }
        func coverage(_ points: [SIMD2<Double>], _ ref: [SIMD2<Double>]) -> Double {
            let r = radii(ref)
            return Double(points.filter { p in ref.indices.contains { dist(p, ref[$0]) <= r[$0] } }.count) / Double(points.count)
        }
        let (precision, recall) = TwoSample.precisionRecall(samples: y, data: x)
        #expect(abs(precision - coverage(y, x)) < 1e-12 && abs(recall - coverage(x, y)) < 1e-12, "\(precision), \(recall)")
    }

    /// One MMD kernel per comparison: samples and baseline use the median distance of the
    /// data-vs-data pair, whatever the samples are; every metric says which way is better.
    @Test func evaluationsShareOneBandwidthAndStateDirections() throws {
        let data = Self.mixture(800, seed: 5), fresh = Self.mixture(800, seed: 6)
        let near = Self.mixture(800, seed: 7), far = gaussianCloud(800, mean: SIMD2(0, 9), sd: 3, seed: 8)
        let e1 = try QualityEvaluation(samples: near, reference: data, baselineDraw: fresh, description: "test")
        let e2 = try QualityEvaluation(samples: far, reference: data, baselineDraw: fresh, description: "test")
        let h = TwoSample.medianBandwidth(fresh, data)
        #expect(e1.samples.bandwidth == h && e2.samples.bandwidth == h && e1.baseline.bandwidth == h)
        #expect(e2.samples.mmd > e1.samples.mmd)
        let keys = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(e1.samples)) as? [String: Any]).keys
        for key in keys where !["count", "bandwidth", "modeShares"].contains(key) { #expect(SampleQuality.better[key] != nil, "\(key)") }
        #expect(e1.better?["classifierAccuracy"] == "0.5" && e1.better?["recall"] == "higher" && e1.better?["mmd"] == "lower")
    }

    /// A blurred copy of the data (sd 0.5 → 0.9) scores worse than a fresh draw on every measure.
    @Test func blurredDataScoresWorseThanFreshData() {
        let data = Self.mixture(2000, seed: 2), fresh = Self.mixture(2000, seed: 3), blurred = Self.mixture(2000, seed: 4, sd: 0.9)
        let good = SampleQuality(samples: fresh, data: data), bad = SampleQuality(samples: blurred, data: data)
        #expect(bad.energyDistance > good.energyDistance + 0.02)
        #expect(bad.mmd > good.mmd && bad.mmdMultiBandwidth > good.mmdMultiBandwidth)
        #expect(bad.slicedWasserstein > good.slicedWasserstein)
        #expect(bad.classifierAccuracy > good.classifierAccuracy + 0.05)
        #expect(bad.precision < good.precision - 0.1)
        #expect(bad.histogramKL > good.histogramKL && bad.histogramJS > good.histogramJS)
        #expect(bad.covarianceError > good.covarianceError)
    }

    @Test func droppedModeLowersRecallAndModeCoverage() throws {
        let data = Self.mixture(2000, seed: 5)
        let oneMode = gaussianCloud(2000, mean: Self.modes[0], sd: 0.5, seed: 6)
        let q = SampleQuality(samples: oneMode, data: data, modes: Self.modes, modeSD: 0.5)
        let shares = try #require(q.modeShares)
        #expect(shares[1] < 0.01 && shares[0] > 0.99)
        #expect(q.recall < 0.6)
        let full = SampleQuality(samples: Self.mixture(2000, seed: 7), data: data, modes: Self.modes, modeSD: 0.5)
        #expect(abs(full.modeShares![0] - 0.5) < 0.01)
        // In 2-D, P(‖Z‖ ≤ 3σ) = 1 − e^{−9/2} = 0.9889 (Rayleigh), standard error √(p(1 − p)/n).
        let p = 1 - exp(-4.5)
        #expect(abs(full.withinThreeSigma! - p) < 4 * (p * (1 - p) / 2000).squareRoot())
    }

    @Test func nonFiniteSamplesAreCountedNotDropped() throws {
        var s = Self.mixture(500, seed: 8)
        s[0] = SIMD2(.nan, 0)
        s[1] = SIMD2(0, .infinity)
        let e = try QualityEvaluation(
            samples: s, reference: Self.mixture(500, seed: 9), baselineDraw: Self.mixture(500, seed: 10),
            description: "test")
        #expect(e.nonFiniteSamples == 2)
        #expect(e.samples.count == 498)
        #expect(throws: QualityError.self) {
            try QualityEvaluation(
                samples: [SIMD2(.nan, 0)], reference: Self.mixture(50, seed: 1), baselineDraw: Self.mixture(50, seed: 2),
                description: "")
        }
    }
}

@Suite struct MetricThreadingTests {
    @Test func metricsDoNotDependOnTheThreadCount() {
        let a = gaussianCloud(800, mean: .zero, sd: 1, seed: 11), b = gaussianCloud(800, mean: SIMD2(0.3, 0), sd: 1, seed: 12)
        #expect(SampleQuality(samples: a, data: b, threads: 1) == SampleQuality(samples: a, data: b, threads: 2))
    }
}
