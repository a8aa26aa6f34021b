import Foundation
import Stats
import Testing

/// The Brownian tree is a Brownian path: W(1) ~ N(0, 1), increments over disjoint intervals are
/// independent N(0, Δ); and it is one path: queries in any order and with any other queries in
/// between agree — which is what lets samplers at different step counts share noise.
@Suite struct BrownianTreeTests {
    let tree = BrownianTree(seed: 7, components: 20_000)

    @Test func incrementsHaveBrownianMoments() {
        let n = Double(tree.components)
        let (w0, wa, wb, w1) = (tree.values(at: 0), tree.values(at: 0.3), tree.values(at: 0.55), tree.values(at: 1))
        #expect(w0.allSatisfy { $0 == 0 })
        let end = Summary(w1)
        #expect(abs(end.mean) < 4 / n.squareRoot() && abs(end.variance - 1) < 4 * (2 / n).squareRoot())
        let first = zip(wa, w0).map { $0 - $1 }, second = zip(wb, wa).map { $0 - $1 }
        let (s1, s2) = (Summary(first), Summary(second))
        #expect(abs(s1.variance - 0.3) < 4 * 0.3 * (2 / n).squareRoot(), "Var W(0.3) = \(s1.variance)")
        #expect(abs(s2.variance - 0.25) < 4 * 0.25 * (2 / n).squareRoot(), "Var increment = \(s2.variance)")
        let correlation = zip(first, second).map { $0 * $1 }.reduce(0, +) / n / (s1.variance * s2.variance).squareRoot()
        #expect(abs(correlation) < 4 / n.squareRoot(), "correlation of disjoint increments \(correlation)")
    }

    @Test func oneConsistentPath() {
        let small = BrownianTree(seed: 3, components: 4)
        let forward = [0.1, 0.4, 0.77].map { small.values(at: $0) }
        let backward = [0.77, 0.4, 0.1].map { small.values(at: $0) }
        #expect(forward == Array(backward.reversed()))
        // A sampler at 20 steps and one at 2 see the same W(0.5): the value does not depend on
        // which other times were asked before (a fresh tree asked only W(0.5) agrees).
        for u in stride(from: 0.05, to: 1, by: 0.05) { _ = small.values(at: u) }
        #expect(small.values(at: 0.5) == BrownianTree(seed: 3, components: 4).values(at: 0.5))
        // Cov(W(s), W(t)) = min(s, t): the path's joint law, not only its increments.
        let many = BrownianTree(seed: 9, components: 20_000)
        let (ws, wt) = (many.values(at: 0.3), many.values(at: 0.8))
        let covariance = zip(ws, wt).map { $0 * $1 }.reduce(0, +) / 20_000
        #expect(abs(covariance - 0.3) < 4 * (0.3 * 0.8 + 0.09) .squareRoot() / 20_000.0.squareRoot(), "Cov = \(covariance)")
        #expect(BrownianTree(seed: 4, components: 4).values(at: 0.5) != small.values(at: 0.5))
    }
}
