import Foundation
import Stats
import Testing

/// Fréchet distance and KID against closed forms.
@Suite struct FeatureDistanceTests {
    /// One dimension: (μ₁ − μ₂)² + (σ₁ − σ₂)²; diagonal covariances: the same per axis.
    @Test func frechetOfCommutingGaussiansIsTheClosedForm() {
        #expect(abs(FeatureDistance.frechet(mean1: [1], covariance1: [4], mean2: [3], covariance2: [9]) - 5) < 1e-12)
        let (a, b) = ([1.0, 4, 0.25], [2.0, 1, 0.25])
        func diagonal(_ v: [Double]) -> [Double] { (0..<9).map { $0 % 4 == 0 ? v[$0 / 4] : 0 } }
        let want = 1.0 + 0 + 4 + (0..<3).map { (a[$0].squareRoot() - b[$0].squareRoot()) * (a[$0].squareRoot() - b[$0].squareRoot()) }.reduce(0, +)
        let got = FeatureDistance.frechet(mean1: [0, 1, 2], covariance1: diagonal(a), mean2: [1, 1, 0], covariance2: diagonal(b))
        #expect(abs(got - want) < 1e-12, "\(got) vs \(want)")
    }

    /// Two 2×2 covariances that do not commute: Tr((Σ₁Σ₂)^½) = √(tr(Σ₁Σ₂) + 2√(det Σ₁·det Σ₂)), since
    /// the eigenvalues λ₁, λ₂ of Σ₁Σ₂ are positive with λ₁ + λ₂ = tr and λ₁λ₂ = det.
    @Test func frechetOfNonCommutingCovariancesMatchesTheTwoByTwoFormula() {
        let s1 = [2.0, 0.5, 0.5, 1], s2 = [1.0, -0.3, -0.3, 3]
        let trace12 = s1[0] * s2[0] + s1[1] * s2[2] + s1[2] * s2[1] + s1[3] * s2[3]
        let det1 = s1[0] * s1[3] - s1[1] * s1[2], det2 = s2[0] * s2[3] - s2[1] * s2[2]
        let want = 0.25 + 4 + (s1[0] + s1[3]) + (s2[0] + s2[3]) - 2 * (trace12 + 2 * (det1 * det2).squareRoot()).squareRoot()
        let got = FeatureDistance.frechet(mean1: [0.5, 0], covariance1: s1, mean2: [0, 2], covariance2: s2)
        #expect(abs(got - want) < 1e-10, "\(got) vs \(want)")
    }

    /// From 20,000 draws of each Gaussian the sample version lands near the closed form (its bias is
    /// O(d/n)); identical draws give 0.
    @Test func frechetFromSamplesApproachesTheClosedForm() {
        let rng = GSLRandom(seed: 7)
        // x = μ + L·z with L the Cholesky factor of Σ.
        func draws(_ mean: [Double], _ l: [Double], _ n: Int) -> [[Double]] {
            (0..<n).map { _ in
                let z = [rng.gaussian(), rng.gaussian()]
                return [mean[0] + l[0] * z[0], mean[1] + l[2] * z[0] + l[3] * z[1]]
            }
        }
        let l1 = [1.0, 0, 0.5, 0.8], l2 = [0.7, 0, -0.4, 1.5]
        func covariance(_ l: [Double]) -> [Double] { [l[0] * l[0], l[0] * l[2], l[0] * l[2], l[2] * l[2] + l[3] * l[3]] }
        let want = FeatureDistance.frechet(mean1: [0, 0], covariance1: covariance(l1), mean2: [1, -1], covariance2: covariance(l2))
        let x = draws([0, 0], l1, 20_000), y = draws([1, -1], l2, 20_000)
        #expect(abs(FeatureDistance.frechet(x, y) - want) < 0.05 * want, "want \(want)")
        #expect(abs(FeatureDistance.frechet(x, x)) < 1e-9)
    }

    /// KID is unbiased: over 20 replicates of n = 400, its mean is within 3 standard errors of the
    /// closed form — 0 for one distribution, and for x ~ N(0, 1), y ~ N(½, 1) in one dimension
    /// E(xy + 1)³ = E x³·E y³ + 3E x²·E y² + 3E x·E y + 1 gives MMD² = 4 + 9.078125 − 2·4.75 = 3.578125.
    @Test(arguments: [0.0, 0.5])
    func kidIsUnbiasedAgainstTheClosedForm(shift: Double) {
        let rng = GSLRandom(seed: 11)
        let replicates = (0..<20).map { _ in
            FeatureDistance.kid((0..<400).map { _ in [rng.gaussian()] }, (0..<400).map { _ in [shift + rng.gaussian()] })
        }
        func moments(_ m: Double) -> (Double, Double, Double) { (m, m * m + 1, m * m * m + 3 * m) }
        func k(_ a: Double, _ b: Double) -> Double {
            let (p, q) = (moments(a), moments(b))
            return p.2 * q.2 + 3 * p.1 * q.1 + 3 * p.0 * q.0 + 1
        }
        let want = k(0, 0) + k(shift, shift) - 2 * k(0, shift)
        let mean = replicates.reduce(0, +) / 20
        let se = (replicates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 19 / 20).squareRoot()
        #expect(abs(mean - want) < 3 * se, "mean \(mean) ± \(se), want \(want)")
        #expect(shift == 0 || abs(want - 3.578125) < 1e-12)
    }
}

@Suite struct FeatureSpaceTests {
    /// Samples on the data's support have precision 1; samples covering half of it have recall
    /// about one half; samples far away have precision 0 (3-D, brute force).
    @Test func precisionAndRecallSeeSupportAndCoverage() {
        let rng = GSLRandom(seed: 5)
        let data = (0..<400).map { _ in [rng.uniform(), rng.uniform(), rng.uniform()] }
        let half = (0..<400).map { _ in [rng.uniform() * 0.5, rng.uniform(), rng.uniform()] }
        let far = (0..<400).map { _ in [5 + rng.uniform(), rng.uniform(), rng.uniform()] }
        let a = FeatureDistance.precisionRecall(samples: half, data: data)
        #expect(a.precision > 0.95 && abs(a.recall - 0.5) < 0.1, "\(a)")
        let b = FeatureDistance.precisionRecall(samples: far, data: data)
        #expect(b.precision == 0 && b.recall == 0)
    }

    /// On a Gaussian with covariance diag(9, 4, 1) rotated by a known rotation, the axes are the
    /// rotated coordinate axes (up to sign) and the variances 9, 4; projections have those variances.
    @Test func principalComponentsFindTheRotatedAxes() {
        let rng = GSLRandom(seed: 6)
        let c: Double = Foundation.cos(0.5), s: Double = Foundation.sin(0.5)
        let rotation: [[Double]] = [[c, -s, 0], [s, c, 0], [0, 0, 1]]
        var rows: [[Double]] = []
        for _ in 0..<20_000 {
            let z: [Double] = [3 * rng.gaussian(), 2 * rng.gaussian(), rng.gaussian()]
            var row = [Double](repeating: 0, count: 3)
            for i in 0..<3 {
                row[i] = Double(i)
                for j in 0..<3 { row[i] += rotation[i][j] * z[j] }
            }
            rows.append(row)
        }
        let pca = PrincipalComponents(rows, count: 2)
        #expect(abs(pca.variances[0] - 9) < 0.3 && abs(pca.variances[1] - 4) < 0.15, "\(pca.variances)")
        for k in 0..<2 {
            var dot = 0.0
            for i in 0..<3 { dot += pca.axes[k][i] * rotation[i][k] }
            #expect(abs(abs(dot) - 1) < 1e-3, "axis \(k): \(pca.axes[k])")
        }
        #expect(abs(pca.mean[2] - 2) < 0.05)
        let projected = rows.map { pca.project($0)[1] }
        let variance = projected.map { $0 * $0 }.reduce(0, +) / Double(projected.count)
        #expect(abs(variance - pca.variances[1]) < 1e-6 * 20_000)
    }
}
