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
        #expect(TwoSample.slicedWasserstein(a, a) < 1e-12)
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
