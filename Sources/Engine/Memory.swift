import CBLAS

/// Allocator settings for training loops that allocate and free the same large buffers every
/// step: without them glibc serves each ≥128 KiB array by mmap and returns it with munmap, and
/// the page faults of re-touching fresh pages cost as much as the arithmetic (seen with perf).
public enum Memory {
    nonisolated(unsafe) private static var done = false

    /// Keeps freed blocks up to 256 MiB in the heap instead of the kernel. Idempotent.
    public static func configure() {
        guard !done else { return }
        done = true
        toy_tune_malloc()
    }
}
