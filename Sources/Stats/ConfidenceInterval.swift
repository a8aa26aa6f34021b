import CGSL

/// The mean of a sample and the half-width of its 95% confidence interval from Student's t:
/// x̄ ± t_{0.975, n−1}·s/√n (t quantile by GSL's `gsl_cdf_tdist_Pinv`). With one value the
/// half-width is undefined (nil): one seed says nothing about the spread.
public struct ConfidenceInterval: Sendable, Equatable {
    public let mean: Double
    public let halfWidth: Double?
    public let count: Int

    public init(_ values: [Double], level: Double = 0.95) {
        precondition(!values.isEmpty, "ConfidenceInterval: no values")
        precondition(level > 0 && level < 1, "ConfidenceInterval: level must be in (0, 1), got \(level)")
        let n = values.count
        let m = values.reduce(0, +) / Double(n)
        count = n
        mean = m
        guard n >= 2 else {
            halfWidth = nil
            return
        }
        let variance = values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(n - 1)
        let t = gsl_cdf_tdist_Pinv(0.5 + level / 2, Double(n - 1))
        halfWidth = t * (variance / Double(n)).squareRoot()
    }

    /// Whether the two intervals do not overlap (a difference worth stating).
    public func separates(from other: ConfidenceInterval) -> Bool {
        guard let a = halfWidth, let b = other.halfWidth else { return false }
        return mean + a < other.mean - b || other.mean + b < mean - a
    }
}
