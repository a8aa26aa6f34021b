import CGSL

/// Summary statistics of a sample through GSL (`gsl_stats_*`); for diagnostics, not hot loops.
public struct Summary: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Unbiased sample variance, Σ(x − x̄)² / (n − 1).
    public let variance: Double
    public let min: Double
    public let max: Double

    public init(_ values: [Double]) {
        precondition(values.count >= 2, "Summary: need at least 2 values, got \(values.count)")
        count = values.count
        let m = values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
        mean = m
        variance = values.withUnsafeBufferPointer { gsl_stats_variance_m($0.baseAddress, 1, $0.count, m) }
        var lo = 0.0, hi = 0.0
        values.withUnsafeBufferPointer { gsl_stats_minmax(&lo, &hi, $0.baseAddress, 1, $0.count) }
        min = lo
        max = hi
    }

    public var standardDeviation: Double { variance.squareRoot() }
    /// Standard error of the mean, s / √n.
    public var standardError: Double { (variance / Double(count)).squareRoot() }
}

/// The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics
/// (`gsl_stats_quantile_from_sorted_data`).
public func quantile(_ values: [Double], _ q: Double) -> Double {
    precondition(!values.isEmpty && (0...1).contains(q), "quantile: need values and q in [0, 1]")
    var sorted = values
    sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
    return sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, q) }
}

/// Sample covariance of two paired samples (`gsl_stats_covariance`).
public func covariance(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count && a.count >= 2, "covariance: need two samples of equal size >= 2")
    return a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in gsl_stats_covariance(pa.baseAddress, 1, pb.baseAddress, 1, pa.count) }
    }
}
