import Foundation

/// Distances between two samples of 2-D points. Each is a consistent estimator of a divergence
/// that is 0 exactly when the distributions agree.
public enum TwoSample {
    /// Energy distance (Székely & Rizzo 2013): 2E‖X − Y‖ − E‖X − X′‖ − E‖Y − Y′‖, with the
    /// within-sample terms as U-statistics (i ≠ j).
    public static func energyDistance(_ x: [SIMD2<Double>], _ y: [SIMD2<Double>]) -> Double {
        pairStatistics(x, y, bandwidth: 1).energy
    }

    /// Unbiased MMD² (Gretton et al. 2012, eq. 3) with the Gaussian kernel exp(−‖x − y‖²/(2h²)),
    /// summed over the bandwidths `h`.
    public static func mmdSquared(_ x: [SIMD2<Double>], _ y: [SIMD2<Double>], bandwidths: [Double]) -> Double {
        bandwidths.map { pairStatistics(x, y, bandwidth: $0).mmd[1] }.reduce(0, +)
    }

    /// Energy distance and unbiased MMD² at bandwidths h/2, h, 2h from one set of pair passes
    /// (x–x, y–y, x–y): the single implementation behind `energyDistance`, `mmdSquared` and
    /// `SampleQuality`.
    static func pairStatistics(_ x: [SIMD2<Double>], _ y: [SIMD2<Double>], bandwidth h: Double, threads: Int = 1)
        -> (energy: Double, mmd: SIMD3<Double>)
    {
        let xx = PairwiseSums(x, x, bandwidth: h, sameSet: true, threads: threads)
        let yy = PairwiseSums(y, y, bandwidth: h, sameSet: true, threads: threads)
        let xy = PairwiseSums(x, y, bandwidth: h, sameSet: false, threads: threads)
        let energy = 2 * xy.distance / xy.pairs - xx.distance / xx.pairs - yy.distance / yy.pairs
        return (energy, xx.kernel / xx.pairs + yy.kernel / yy.pairs - 2 * xy.kernel / xy.pairs)
    }

    /// The median-heuristic bandwidth: the median distance between points of the pooled sample
    /// (Gretton et al. 2012), estimated on at most 500 points of each (125,000 pairs).
    public static func medianBandwidth(_ x: [SIMD2<Double>], _ y: [SIMD2<Double>]) -> Double {
        let pool = Array(x.prefix(500)) + Array(y.prefix(500))
        var d: [Double] = []
        d.reserveCapacity(pool.count * (pool.count - 1) / 2)
        for i in pool.indices {
            for j in (i + 1)..<pool.count {
                let v = pool[i] - pool[j]
                d.append((v * v).sum().squareRoot())
            }
        }
        d.sort()
        return d.count % 2 == 1 ? d[d.count / 2] : (d[d.count / 2 - 1] + d[d.count / 2]) / 2
    }

    /// Sliced Wasserstein-2 (Bonneel et al. 2015): √(mean over `projections` directions θ of
    /// W₂²(θ·X, θ·Y)), the 1-D distances from sorted projections at quantiles (i + ½)/m.
    /// Directions are evenly spaced angles offset by a seeded shift, so the value is reproducible.
    public static func slicedWasserstein(_ x: [SIMD2<Double>], _ y: [SIMD2<Double>], projections: Int = 256, seed: UInt64 = 0) -> Double {
        let shift = GSLRandom(seed: seed).uniform()
        let m = max(x.count, y.count)
        var total = 0.0
        for l in 0..<projections {
            let angle = Double.pi * (Double(l) + shift) / Double(projections)
            let dir = SIMD2(cos(angle), sin(angle))
            let px = x.map { ($0 * dir).sum() }.sorted(), py = y.map { ($0 * dir).sum() }.sorted()
            var s = 0.0
            for i in 0..<m {
                let q = (Double(i) + 0.5) / Double(m)
                let d = px[Int(q * Double(px.count))] - py[Int(q * Double(py.count))]
                s += d * d
            }
            total += s / Double(m)
        }
        return (total / Double(projections)).squareRoot()
    }

    /// Classifier two-sample test (Lopez-Paz & Oquab 2017): `folds`-fold accuracy of a k-NN
    /// classifier telling x (label 1) from y (label 0); 0.5 means indistinguishable.
    public static func classifierAccuracy(_ x: [SIMD2<Double>], _ y: [SIMD2<Double>], k: Int = 10, folds: Int = 5, seed: UInt64 = 0) -> Double {
        let points = x + y
        let labels = [Bool](repeating: true, count: x.count) + [Bool](repeating: false, count: y.count)
        let perm = GSLRandom(seed: seed).permutation(points.count)
        var correct = 0
        for f in 0..<folds {
            let train = perm.enumerated().filter { $0.offset % folds != f }.map(\.element)
            let test = perm.enumerated().filter { $0.offset % folds == f }.map(\.element)
            let tree = KDTree(train.map { points[$0] })
            for i in test {
                let votes = tree.nearest(points[i], k: k).filter { labels[train[$0.index]] }.count
                let predicted = 2 * votes > k ? true : (2 * votes < k ? false : labels[train[tree.nearest(points[i], k: 1)[0].index]])
                if predicted == labels[i] { correct += 1 }
            }
        }
        return Double(correct) / Double(points.count)
    }

    /// Improved precision and recall (Kynkäänniemi et al. 2019): each point's manifold ball has the
    /// radius of its k-th nearest neighbour within its own set; precision is the share of samples
    /// inside some data ball, recall the share of data inside some sample ball.
    public static func precisionRecall(samples: [SIMD2<Double>], data: [SIMD2<Double>], k: Int = 3) -> (precision: Double, recall: Double) {
        (coverage(of: samples, by: data, k: k), coverage(of: data, by: samples, k: k))
    }

    /// Share of `points` inside the union of k-NN balls of `reference`.
    static func coverage(of points: [SIMD2<Double>], by reference: [SIMD2<Double>], k: Int) -> Double {
        let tree = KDTree(reference)
        let radii = reference.indices.map { tree.nearest(reference[$0], k: k, excluding: $0).last!.distance }
        // A few outliers have huge balls; querying every point out to the largest radius would make
        // this quadratic. The (at most 256) largest balls are checked one by one; the rest by a
        // tree query out to the largest radius among them.
        let large = Set(radii.indices.sorted { radii[$0] > radii[$1] }.prefix(256))
        let smallRadius = radii.indices.filter { !large.contains($0) }.map { radii[$0] }.max() ?? 0
        let largeList = Array(large)
        func covered(_ p: SIMD2<Double>, _ i: Int) -> Bool {
            let v = reference[i] - p
            return (v * v).sum().squareRoot() <= radii[i]
        }
        var inside = 0
        for p in points where largeList.contains(where: { covered(p, $0) }) || tree.within(p, radius: smallRadius).contains(where: { covered(p, $0) }) {
            inside += 1
        }
        return Double(inside) / Double(points.count)
    }
}
