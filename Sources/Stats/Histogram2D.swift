import CGSL

/// A 2-D histogram on a uniform grid (`gsl_histogram2d`); points outside the range are counted
/// in `outside`, never silently dropped.
public final class Histogram2D {
    private let h: UnsafeMutablePointer<gsl_histogram2d>
    public let nx: Int, ny: Int
    public private(set) var outside = 0

    public init(nx: Int, ny: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        precondition(nx > 0 && ny > 0, "Histogram2D: need positive bin counts, got \(nx)x\(ny)")
        GSL.setup()
        self.nx = nx
        self.ny = ny
        h = gsl_histogram2d_alloc(nx, ny)
        gsl_histogram2d_set_ranges_uniform(
            h, xRange.lowerBound, xRange.upperBound,
            yRange.lowerBound, yRange.upperBound)
    }

    deinit { gsl_histogram2d_free(h) }

    public func add(x: Double, y: Double) {
        if gsl_histogram2d_increment(h, x, y) != Int32(GSL_SUCCESS) { outside += 1 }
    }

    /// Count in bin (i, j).
    public subscript(i: Int, j: Int) -> Double { gsl_histogram2d_get(h, i, j) }
    /// Sum of all in-range counts.
    public var total: Double { gsl_histogram2d_sum(h) }
}
