/// Elementwise and reduction kernels on raw buffers. Loops are written so the compiler
/// vectorizes them (no libm calls, no trapping conversions inside).
public enum Kernels {
    /// a += b (same shape).
    public static func addInPlace(_ a: inout Tensor, _ b: Tensor) {
        precondition(a.shape == b.shape, "addInPlace: shapes differ, \(a.shape) and \(b.shape)")
        guard a.count > 0 else { return }
        a.scalars.withUnsafeMutableBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                let count = pa.count
                nonisolated(unsafe) let (pa, pb) = (pa.baseAddress!, pb.baseAddress!)
                Parallel.chunks(count) { range in
                    for i in range { pa[i] += pb[i] }
                }
            }
        }
    }

    /// out = a + b elementwise (same count), split over threads.
    static func add(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        guard out.count > 0 else { return }
        nonisolated(unsafe) let (pa, pb, po) = (a.baseAddress!, b.baseAddress!, out.baseAddress!)
        Parallel.chunks(out.count) { range in
            for i in range { po[i] = pa[i] + pb[i] }
        }
    }

    /// Σ over the rows of a [rows, columns] matrix, added into `out` [columns].
    public static func addColumnSums(
        _ m: UnsafeBufferPointer<Float>, rows: Int, columns: Int,
        into out: UnsafeMutableBufferPointer<Float>
    ) {
        for r in 0..<rows {
            let row = m.baseAddress! + r * columns
            for c in 0..<columns { out[c] += row[c] }
        }
    }

    /// Sum of all elements, accumulated in Double.
    public static func sum(_ x: UnsafeBufferPointer<Float>) -> Double {
        // Blocked: Float partial sums over short runs vectorize; the Double outer sum keeps precision.
        var total = 0.0
        var i = 0
        while i < x.count {
            let end = min(i + 256, x.count)
            var partial: Float = 0
            for j in i..<end { partial += x[j] }
            total += Double(partial)
            i = end
        }
        return total
    }
}
