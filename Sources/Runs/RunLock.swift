import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive advisory lock (flock(2)) on a run folder's `.toy-lock` file, held while a run
/// writes there: a second `toy run --out` or `--resume` on the same folder is refused instead of
/// mixing two runs' files. The kernel drops the lock when the process ends, however it ends, so a
/// killed run never leaves the folder locked.
public final class RunLock {
    private var descriptor: Int32

    /// Takes the lock of `folder` (which must exist), or throws naming the holder's process id.
    public init(_ folder: URL) throws {
        let path = folder.appendingPathComponent(RunLock.fileName).path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RunError.notWritable(path: folder.path, reason: "cannot create \(RunLock.fileName)") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            descriptor = -1
            throw RunError.invalid(
                "another toy process\(holder.isEmpty ? "" : " (pid \(holder))") is writing to '\(folder.path)'; wait for it to finish, or choose another --out.")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    /// The lock file's name (a run folder's only hidden file).
    public static let fileName = ".toy-lock"

    /// Releases the lock (also done when the lock is deallocated or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
