import Foundation
import Stats
import Testing

@Suite struct RandomTests {
    @Test func gaussianDrawsHaveUnitMoments() {
        let rng = GSLRandom(seed: 1)
        let x = (0..<200_000).map { _ in rng.gaussian() }
        let s = Summary(x)
        #expect(abs(s.mean) < 4 / 200_000.0.squareRoot())
        #expect(abs(s.variance - 1) < 4 * (2 / 200_000.0).squareRoot())
    }

    @Test func uniformAndIntegerDrawsCoverTheirRanges() {
        let rng = GSLRandom(seed: 2)
        let u = (0..<100_000).map { _ in rng.uniform() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(Summary(u).mean - 0.5) < 4 * (1 / 12.0 / 100_000).squareRoot())
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[rng.uniformInt(below: 7)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }

    @Test func categoricalFollowsItsWeights() {
        let rng = GSLRandom(seed: 3)
        var hits = [0, 0, 0]
        let n = 100_000
        for _ in 0..<n { hits[rng.categorical([0.8, 0.15, 0.05])] += 1 }
        for (h, p) in zip(hits, [0.8, 0.15, 0.05]) {
            #expect(abs(Double(h) / Double(n) - p) < 4 * (p * (1 - p) / Double(n)).squareRoot())
        }
    }

    @Test func permutationIsAPermutation() {
        let p = GSLRandom(seed: 4).permutation(1000)
        #expect(p.sorted() == Array(0..<1000))
        #expect(p != Array(0..<1000))
    }

    @Test func sameSeedSameStreamRepeatsAndStreamsDiffer() {
        let a = GSLRandom(seed: 5, stream: .data).gaussians(10)
        #expect(a == GSLRandom(seed: 5, stream: .data).gaussians(10))
        #expect(a != GSLRandom(seed: 5, stream: .noise).gaussians(10))
        #expect(a != GSLRandom(seed: 6, stream: .data).gaussians(10))
    }

    @Test func savedStateResumesTheSequenceExactly() throws {
        let rng = GSLRandom(seed: 6)
        _ = rng.gaussians(123)
        let state = rng.state
        let expected = rng.gaussians(50)
        let other = GSLRandom(seed: 999)
        try other.restore(state: state)
        #expect(other.gaussians(50) == expected)
        #expect(throws: StatsError.self) { try other.restore(state: [1, 2, 3]) }
    }
}

@Suite struct SummaryTests {
    @Test func summaryMatchesDirectFormulas() {
        let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        let s = Summary(x)
        #expect(s.mean == 5)
        #expect(abs(s.variance - 32.0 / 7) < 1e-12)
        #expect(s.min == 2 && s.max == 9)
        #expect(abs(quantile(x, 0.5) - 4.5) < 1e-12)
        #expect(quantile(x, 0) == 2 && quantile(x, 1) == 9)
        #expect(abs(covariance(x, x) - 32.0 / 7) < 1e-12)
    }

    @Test func histogramCountsInsideAndOutside() {
        let h = Histogram2D(nx: 4, ny: 4, xRange: -2...2, yRange: -2...2)
        h.add(x: -1.5, y: -1.5)
        h.add(x: 1.5, y: 0.5)
        h.add(x: 1.6, y: 0.6)
        h.add(x: 3, y: 0)
        #expect(h[0, 0] == 1 && h[3, 2] == 2)
        #expect(h.total == 3 && h.outside == 1)
    }
}

@Suite struct ConfidenceIntervalTests {
    /// t_{0.975, 4} = 2.776445 (tables); for 1, 2, 3, 4, 5: mean 3, s = √2.5, half-width 2.776445·√(2.5/5).
    @Test func studentIntervalMatchesTheTables() {
        let ci = ConfidenceInterval([1, 2, 3, 4, 5])
        #expect(ci.mean == 3 && ci.count == 5)
        #expect(abs(ci.halfWidth! - 2.776445 * (0.5).squareRoot()) < 1e-5)
        // Two values: t_{0.975, 1} = 12.7062.
        #expect(abs(ConfidenceInterval([0, 1]).halfWidth! - 12.7062 * 0.5) < 1e-3)
        #expect(ConfidenceInterval([4]).halfWidth == nil)
        #expect(ConfidenceInterval([1, 2, 3]).separates(from: ConfidenceInterval([10, 11, 12])))
        #expect(!ConfidenceInterval([1, 2, 3]).separates(from: ConfidenceInterval([2, 3, 4])))
    }
}
