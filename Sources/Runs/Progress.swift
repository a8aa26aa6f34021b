import Foundation

/// Progress on stderr: a live bar (step, loss, steps/s, ETA) when stderr is a terminal, a plain
/// line about every 10% otherwise (logs stay readable).
public final class Progress {
    let label: String
    let total: Int
    let start = Date()
    let interactive = isatty(2) != 0
    var lastPrinted = Date.distantPast
    var lastDecile = -1
    let quiet: Bool

    public init(label: String, total: Int, quiet: Bool = false) {
        self.label = label
        self.total = max(total, 1)
        self.quiet = quiet
    }

    public func update(_ done: Int, loss: Double? = nil, startedAt first: Int = 0) {
        guard !quiet else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        let rate = Double(done - first) / max(elapsed, 1e-9)
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let lossText = loss.map { String(format: "  loss %.4f", $0) } ?? ""
        if interactive {
            guard now.timeIntervalSince(lastPrinted) > 0.1 || done == total else { return }
            lastPrinted = now
            let width = 24, filled = width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let line = String(format: "\r%@ [%@] %d/%d%@  %.0f it/s  ETA %.0fs ", label, bar, done, total, lossText, rate, eta)
            FileHandle.standardError.write(Data(line.utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            let decile = 10 * done / total
            guard decile != lastDecile else { return }
            lastDecile = decile
            let line = String(format: "%@ %d/%d%@  %.0f it/s  ETA %.0fs\n", label, done, total, lossText, rate, eta)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
