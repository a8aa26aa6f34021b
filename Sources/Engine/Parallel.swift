import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// The toolkit's one thread count: BLIS's products, oneDNN's primitives (OpenMP) and the toolkit's
/// own loops (`Parallel.chunks`, which runs on OpenMP's team) all use it, so they never
/// oversubscribe the cores. `--threads` sets it.
public enum Threads {
    /// Sets the thread count of all three (oneDNN's for the calling thread, where training and
    /// sampling run).
    public static func set(_ n: Int) {
        BLAS.setThreads(n)
        DNNL.setThreads(n)
    }
}

/// Splits elementwise loops over the threads set with `BLAS.setThreads`. Between matrix products BLAS threads sit idle, and single-threaded
/// elementwise work (activations, Adam) would otherwise take a third of a training step.
public enum Parallel {
    /// Below this many elements a loop runs on the calling thread (dispatch costs ~10 µs).
    public static let minimumWork = 1 << 17

    /// Calls body(range) for disjoint ranges covering 0..<count, concurrently when worthwhile
    /// (count · itemSize elements of work at least `minimumWork`). Chunks are fixed by count and
    /// threads alone, so results do not depend on timing. The chunks run on OpenMP's thread team —
    /// the one oneDNN's primitives use — so the toolkit's loops and oneDNN's never compete for the
    /// cores (Dispatch workers would, while OpenMP's idle threads spin waiting for the next primitive).
    public static func chunks(_ count: Int, itemSize: Int = 1, _ body: @Sendable (Range<Int>) -> Void) {
        let threads = min(BLAS.threads, count)
        guard threads > 1 && count * itemSize >= minimumWork else {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            OpenMP.parallel(threads: threads) { part in body((count * part / threads)..<(count * (part + 1) / threads)) }
        }
    }

    /// Runs body(0), …, body(count − 1) concurrently when BLAS has more than one thread — each with
    /// single-threaded BLAS and elementwise loops inside — else one after another. The one home of
    /// the row-block pattern (sharded gradients, blockwise network evaluation): callers split their
    /// work by its size alone, so results never depend on the thread count.
    public static func blocks(_ count: Int, _ body: (Int) -> Void) {
        let threads = BLAS.threads
        guard threads > 1 && count > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        BLAS.setThreads(1)
        defer { Threads.set(threads) }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let run = body
            DispatchQueue.concurrentPerform(iterations: count) {
                DNNL.setThreads(1)  // per thread: each block's oneDNN primitives stay on its own core
                run($0)
            }
        }
    }

    /// Bounds of `rows` split into one block per thread (a single block below 256 rows).
    public static func rowBlocks(_ rows: Int, threads: Int = BLAS.threads) -> [Int] {
        let n = threads > 1 && rows >= 256 ? threads : 1
        return (0...n).map { rows * $0 / n }
    }
}

/// The OpenMP runtime (libgomp) that oneDNN brings, found at run time: a parallel region runs a
/// Swift closure once per thread of the team.
enum OpenMP {
    typealias Region = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias Parallel = @convention(c) (Region, UnsafeMutableRawPointer?, UInt32, UInt32) -> Void
    typealias ThreadNumber = @convention(c) () -> Int32

    static let entry: (parallel: Parallel, threadNumber: ThreadNumber)? = {
        let process = UnsafeMutableRawPointer(bitPattern: 0)
        guard let parallel = dlsym(process, "GOMP_parallel"), let number = dlsym(process, "omp_get_thread_num") else { return nil }
        return (unsafeBitCast(parallel, to: Parallel.self), unsafeBitCast(number, to: ThreadNumber.self))
    }()

    /// Calls body(0), …, body(threads − 1), one per thread of an OpenMP team (the caller is
    /// thread 0), and returns when all are done; on Dispatch's pool if no OpenMP runtime is loaded.
    static func parallel(threads: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            final class Box { let body: (Int) -> Void; init(_ b: @escaping (Int) -> Void) { body = b } }
            guard let entry else {
                nonisolated(unsafe) let run = body
                DispatchQueue.concurrentPerform(iterations: threads) { run($0) }
                return
            }
            let box = Unmanaged.passRetained(Box(body))
            defer { box.release() }
            entry.parallel({ data in
                let box = Unmanaged<AnyObject>.fromOpaque(data!).takeUnretainedValue() as! Box
                box.body(Int(OpenMP.entry!.threadNumber()))
            }, box.toOpaque(), UInt32(threads), 0)
        }
    }
}
