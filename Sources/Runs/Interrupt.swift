import Foundation

/// Ctrl-C handling: the first SIGINT sets a flag the training loop polls, so it can write a
/// resumable checkpoint and stop cleanly; a second one exits at once.
public enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    /// Installs the handler (idempotent).
    public static func install() {
        signal(SIGINT) { _ in
            if Interrupt.flag != 0 { _exit(130) }
            Interrupt.flag = 1
        }
    }

    public static var requested: Bool { flag != 0 }

    /// Forgets a handled Ctrl-C (the run has checkpointed and stops).
    public static func clear() { flag = 0 }
}
