import Dispatch

/// Splits elementwise loops over the threads set with `BLAS.setThreads`, on Dispatch's
/// persistent pool. Between matrix products BLAS threads sit idle, and single-threaded
/// elementwise work (activations, Adam) would otherwise take a third of a training step.
public enum Parallel {
    /// Below this many elements a loop runs on the calling thread (dispatch costs ~10 µs).
    public static let minimumWork = 1 << 17

    /// Calls body(range) for disjoint ranges covering 0..<count, concurrently when worthwhile.
    /// Chunks are fixed by count and threads alone, so results do not depend on timing.
    @inlinable
    public static func chunks(_ count: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let threads = BLAS.threads
        guard threads > 1 && count >= minimumWork else {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: threads) { part in
            body((count * part / threads)..<(count * (part + 1) / threads))
        }
    }
}
