import CDNNL
import Foundation

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

    /// A cached reorder between two plain layouts of one logical shape.
    private final class Reorder {
        let primitive: dnnl_primitive_t
        let source, target: dnnl_memory_t
        init(_ dims: [Int], from: dnnl_format_tag_t, to: dnnl_format_tag_t) throws {
            let what = "reorder \(dims)"
            var (a, b) = (try DNNL.descriptor(dims, from), try DNNL.descriptor(dims, to))
            var pd: dnnl_primitive_desc_t?
            try check(dnnl_reorder_primitive_desc_create(&pd, &a, engine, &b, engine, nil), what)
            defer { dnnl_primitive_desc_destroy(pd) }
            primitive = try DNNL.primitive(pd!, what)
            var (m, n): (dnnl_memory_t?, dnnl_memory_t?)
            try check(dnnl_memory_create(&m, &a, engine, nil), what)
            try check(dnnl_memory_create(&n, &b, engine, nil), what)
            (source, target) = (m!, n!)
        }
        deinit {
            dnnl_primitive_destroy(primitive)
            dnnl_memory_destroy(source)
            dnnl_memory_destroy(target)
        }
    }
    private struct ReorderKey: Hashable {
        let dims: [Int]
        let from, to: UInt32
    }
    nonisolated(unsafe) private static var reorders: [ReorderKey: Reorder] = [:]
    private static let reorderLock = NSLock()

    /// Copies the f32 tensor of logical dimensions `dims` from layout `from` at `source` to layout
    /// `to` at `target` (oneDNN's reorder, split over its threads).
    static func reorder(
        _ dims: [Int], from: dnnl_format_tag_t, _ source: UnsafePointer<Float>, to: dnnl_format_tag_t, _ target: UnsafeMutablePointer<Float>
    ) throws {
        reorderLock.lock()
        defer { reorderLock.unlock() }
        let key = ReorderKey(dims: dims, from: from.rawValue, to: to.rawValue)
        let r = try reorders[key] ?? Reorder(dims, from: from, to: to)
        reorders[key] = r
        try check(dnnl_memory_set_data_handle(r.source, UnsafeMutableRawPointer(mutating: source)), "reorder \(dims)")
        try check(dnnl_memory_set_data_handle(r.target, target), "reorder \(dims)")
        try execute(r.primitive, [(DNNL_ARG_FROM, r.source), (DNNL_ARG_TO, r.target)], "reorder \(dims)")
    }
}
