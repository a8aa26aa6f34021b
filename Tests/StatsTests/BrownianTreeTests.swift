import Foundation
import Stats
import Testing

/// The Brownian tree is a Brownian path: W(1) ~ N(0, 1), increments over disjoint intervals are
/// independent N(0, Δ); and it is one path: queries in any order agree, and fine increments sum to
/// the coarse one — which is what lets samplers at different step counts share noise.
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
        // Ten fine normalized increments recombine into the coarse one.
        let fine = (0..<10).map { small.normalizedIncrement(from: 1 - Double($0) * 0.05, to: 1 - Double($0 + 1) * 0.05) }
        let coarse = small.normalizedIncrement(from: 1, to: 0.5)
        for c in 0..<4 {
            let sum = fine.map { $0[c] * 0.05.squareRoot() }.reduce(0, +) / 0.5.squareRoot()
            #expect(abs(sum - coarse[c]) < 1e-9)
        }
        #expect(BrownianTree(seed: 4, components: 4).values(at: 0.5) != small.values(at: 0.5))
    }
}
