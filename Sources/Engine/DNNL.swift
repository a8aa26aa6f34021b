import CDNNL

#if canImport(Glibc)
    import Glibc
#endif

/// oneDNN (the CPU primitive library PyTorch uses for convolutions): one CPU engine and stream for
/// the process, status codes turned into thrown errors that name the operation and its shapes, and
/// the OpenMP thread count its primitives run on.
public enum DNNL {
    /// A oneDNN call that did not succeed: which operation, on which shapes, and oneDNN's status.
    public struct Failure: Error, CustomStringConvertible {
        public let operation: String
        public let status: String
        public var description: String { "oneDNN failed in \(operation): \(status)" }
    }

    nonisolated(unsafe) static let engine: dnnl_engine_t = {
        var e: dnnl_engine_t?
        guard dnnl_engine_create(&e, dnnl_cpu, 0) == dnnl_success, let e else { fatalError("oneDNN: no CPU engine") }
        return e
    }()

    nonisolated(unsafe) static let stream: dnnl_stream_t = {
        var s: dnnl_stream_t?
        guard dnnl_stream_create(&s, engine, dnnl_stream_default_flags.rawValue) == dnnl_success, let s else {
            fatalError("oneDNN: no CPU stream")
        }
        return s
    }()

    /// Throws `Failure` unless `status` is success.
    static func check(_ status: dnnl_status_t, _ operation: @autoclosure () -> String) throws {
        guard status != dnnl_success else { return }
        throw Failure(operation: operation(), status: String(cString: dnnl_status2str(status)))
    }

    /// Sets the number of OpenMP threads oneDNN's primitives use when called from this thread
    /// (an OpenMP setting is per thread; `Threads.set` sets it with BLIS's).
    public static func setThreads(_ n: Int) {
        typealias SetThreads = @convention(c) (Int32) -> Void
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_set_num_threads") else { return }
        unsafeBitCast(symbol, to: SetThreads.self)(Int32(max(1, n)))
    }
}
