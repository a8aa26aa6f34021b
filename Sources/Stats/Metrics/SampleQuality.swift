import Foundation

/// How close a sample of 2-D points is to data from the true distribution, by several measures
/// (each 0, or 0.5 for the classifier, when the two agree). `toy run` writes it to metrics.json;
/// `toy eval` computes it for any CSV.
public struct SampleQuality: Codable, Sendable, Equatable {
    public var count: Int
    /// Energy distance (Székely & Rizzo 2013), on at most `pairLimit` points of each set.
    public var energyDistance: Double
    /// Unbiased MMD² with a Gaussian kernel at bandwidth h₀ (Gretton et al. 2012): the one given
    /// (a comparison fixes it from its data-vs-data pair), else the median heuristic of this pair.
    public var mmd: Double
    /// MMD² summed over bandwidths h₀/2, h₀, 2h₀.
    public var mmdMultiBandwidth: Double
    public var bandwidth: Double
    /// Sliced Wasserstein-2 over 256 seeded directions.
    public var slicedWasserstein: Double
    /// 5-fold accuracy of a 10-NN classifier separating samples from data (0.5 = indistinguishable).
    public var classifierAccuracy: Double
    /// k-NN precision and recall, k = 3 (Kynkäänniemi et al. 2019).
    public var precision: Double
    public var recall: Double
    /// ‖mean(samples) − mean(data)‖ and the Frobenius norm of the covariance difference.
    public var meanError: Double
    public var covarianceError: Double
    /// KL(data ‖ samples) and Jensen–Shannon divergence (nats) of 50×50 histograms on the data's
    /// box (padded by 10%), plus one bin for everything outside it; counts smoothed by +½.
    public var histogramKL: Double
    public var histogramJS: Double
    /// For mixtures of known modes: share of samples nearest to each mode, and share within three
    /// standard deviations of some mode (the mode-collapse convention).
    public var modeShares: [Double]?
    public var withinThreeSigma: Double?

    /// Scores `samples` against `data` (all finite). `modes` with their standard deviation enable
    /// the mode statistics; `threads` splits the O(n²) pair sums.
    public init(
        samples: [SIMD2<Double>], data: [SIMD2<Double>], modes: [SIMD2<Double>]? = nil, modeSD: Double = 1, bandwidth fixed: Double? = nil,
        seed: UInt64 = 0, threads: Int = 1
    ) {
        precondition(samples.count >= 10 && data.count >= 10, "SampleQuality: need at least 10 points on each side")
        count = samples.count
        bandwidth = fixed ?? TwoSample.medianBandwidth(samples, data)
        // The O(n²) pair statistics use the first `pairLimit` points of each set (both are random
        // orders), which keeps a 5,000-point evaluation well under a second.
        let (sx, sy) = (Array(samples.prefix(Self.pairLimit)), Array(data.prefix(Self.pairLimit)))
        let pairs = TwoSample.pairStatistics(sx, sy, bandwidth: bandwidth, threads: threads)
        energyDistance = pairs.energy
        mmd = pairs.mmd[1]
        mmdMultiBandwidth = pairs.mmd.sum()
        // Sorting and k-NN metrics on the first `pointLimit` points of each set (random orders too):
        // 10^6-point files are scored in seconds; moments, histograms and modes use every point.
        let (nx, ny) = (Array(samples.prefix(Self.pointLimit)), Array(data.prefix(Self.pointLimit)))
        slicedWasserstein = TwoSample.slicedWasserstein(nx, ny, seed: seed)
        classifierAccuracy = TwoSample.classifierAccuracy(nx, ny, seed: seed)
        (precision, recall) = TwoSample.precisionRecall(samples: nx, data: ny)
        let (ms, cs) = Self.moments(samples), (md, cd) = Self.moments(data)
        meanError = ((ms - md) * (ms - md)).sum().squareRoot()
        covarianceError = zip(cs, cd).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        (histogramKL, histogramJS) = Self.histogramDivergences(samples: samples, data: data)
        if let modes, !modes.isEmpty {
            var counts = [Double](repeating: 0, count: modes.count)
            var within = 0.0
            for p in samples {
                let d = modes.map { (($0 - p) * ($0 - p)).sum().squareRoot() }
                let k = d.indices.min { d[$0] < d[$1] }!
                counts[k] += 1
                if d[k] <= 3 * modeSD { within += 1 }
            }
            modeShares = counts.map { $0 / Double(samples.count) }
            withinThreeSigma = within / Double(samples.count)
        }
    }

    /// Points per set used by energy distance and MMD.
    public static let pairLimit = 2000
    /// Points per set used by sliced Wasserstein, the classifier test, precision and recall.
    public static let pointLimit = 100_000

    /// What a score of `count` points against `dataCount` left out, for the record ("" when nothing).
    public static func subsamplingNote(count: Int, dataCount: Int) -> String {
        let n = max(count, dataCount)
        var parts: [String] = []
        if n > pairLimit { parts.append("energy distance and MMD on the first \(pairLimit) points of each set") }
        if n > pointLimit { parts.append("sliced Wasserstein, classifier, precision and recall on the first \(pointLimit)") }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ") + " (sets in random order)"
    }

    /// Which way is better for each metric (the keys of metrics.json): "lower" (0 when the two
    /// sets agree), "higher" (precision and recall, 1 at best) or "0.5" (the classifier, chance).
    public static let better: [String: String] = [
        "energyDistance": "lower", "mmd": "lower", "mmdMultiBandwidth": "lower", "slicedWasserstein": "lower",
        "classifierAccuracy": "0.5", "precision": "higher", "recall": "higher", "meanError": "lower", "covarianceError": "lower",
        "histogramKL": "lower", "histogramJS": "lower", "withinThreeSigma": "higher",
    ]

    /// Mean and covariance [xx, xy, yy] (unbiased).
    static func moments(_ p: [SIMD2<Double>]) -> (SIMD2<Double>, [Double]) {
        let mean = p.reduce(SIMD2<Double>.zero, +) / Double(p.count)
        var c = [0.0, 0.0, 0.0]
        for q in p {
            let v = q - mean
            c[0] += v.x * v.x
            c[1] += v.x * v.y
            c[2] += v.y * v.y
        }
        return (mean, c.map { $0 / Double(p.count - 1) })
    }

    static func histogramDivergences(samples: [SIMD2<Double>], data: [SIMD2<Double>]) -> (Double, Double) {
        let xs = data.map(\.x), ys = data.map(\.y)
        let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        let (px, py) = (0.1 * (x1 - x0) + 1e-9, 0.1 * (y1 - y0) + 1e-9)
        func histogram(_ points: [SIMD2<Double>]) -> [Double] {
            let h = Histogram2D(nx: 50, ny: 50, xRange: (x0 - px)...(x1 + px), yRange: (y0 - py)...(y1 + py))
            for p in points { h.add(x: p.x, y: p.y) }
            var bins = (0..<50).flatMap { i in (0..<50).map { j in h[i, j] } }
            bins.append(Double(h.outside))
            let total = bins.reduce(0, +) + 0.5 * Double(bins.count)
            return bins.map { ($0 + 0.5) / total }
        }
        let p = histogram(data), q = histogram(samples)
        let kl = zip(p, q).map { $0 * log($0 / $1) }.reduce(0, +)
        let m = zip(p, q).map { ($0 + $1) / 2 }
        let js = 0.5 * zip(p, m).map { $0 * log($0 / $1) }.reduce(0, +) + 0.5 * zip(q, m).map { $0 * log($0 / $1) }.reduce(0, +)
        return (kl, js)
    }
}

/// A sample's quality with the data-vs-data baseline at the same size (what "perfect" scores),
/// and how many sample points were not finite (counted, never silently dropped).
public struct QualityEvaluation: Codable, Sendable {
    public var samples: SampleQuality
    public var baseline: SampleQuality
    public var nonFiniteSamples: Int
    public var reference: String
    /// For labelled samples: each class's samples against that class's fresh data, by label.
    public var perClass: [String: QualityEvaluation]? = nil
    /// Which way is better for each metric (`SampleQuality.better`); absent in older files.
    public var better: [String: String]?

    /// `reference` and `baselineDraw` are two independent fresh draws from the true distribution.
    /// One MMD bandwidth serves samples and baseline alike: the median heuristic of the
    /// data-vs-data pair, which depends on the data only, so every sampler scored against the same
    /// draws is measured with the same kernel.
    public init(
        samples: [SIMD2<Double>], reference: [SIMD2<Double>], baselineDraw: [SIMD2<Double>], description: String,
        modes: [SIMD2<Double>]? = nil, modeSD: Double = 1, seed: UInt64 = 0, threads: Int = 1
    ) throws {
        let finite = samples.filter { $0.x.isFinite && $0.y.isFinite }
        nonFiniteSamples = samples.count - finite.count
        guard finite.count >= 10 else { throw QualityError.tooFewFinite(finite: finite.count, total: samples.count) }
        let h = TwoSample.medianBandwidth(baselineDraw, reference)
        self.samples = SampleQuality(
            samples: finite, data: reference, modes: modes, modeSD: modeSD, bandwidth: h, seed: seed, threads: threads)
        baseline = SampleQuality(samples: baselineDraw, data: reference, modes: modes, modeSD: modeSD, bandwidth: h, seed: seed, threads: threads)
        self.reference = description + String(format: "; MMD bandwidth %.4g (median distance of the data-vs-data pair)", h)
            + SampleQuality.subsamplingNote(count: finite.count, dataCount: reference.count)
        better = SampleQuality.better
    }
}

/// Why a sample cannot be scored.
public enum QualityError: Error, CustomStringConvertible {
    case tooFewFinite(finite: Int, total: Int)
    public var description: String {
        switch self {
        case .tooFewFinite(let f, let t) where f == t: "only \(t) samples; at least 10 are needed to compute metrics"
        case .tooFewFinite(let f, let t): "only \(f) of \(t) samples are finite; at least 10 are needed to compute metrics"
        }
    }
}
