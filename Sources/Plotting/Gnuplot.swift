import Foundation

/// Runs gnuplot on a script through a pipe (Foundation `Process`): stderr goes to a temporary file
/// (no pipe deadlock), SIGPIPE is ignored, a non-zero exit is an error carrying gnuplot's message.
public struct Gnuplot: Sendable {
    public let executable: URL

    /// Finds gnuplot on PATH; throws `notFound` with the install hint when it is missing.
    public init() throws {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        guard let dir = dirs.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/gnuplot") }) else {
            throw PlotError.gnuplotNotFound
        }
        executable = URL(fileURLWithPath: dir + "/gnuplot")
    }

    /// Runs `script` with `directory` as the working directory (scripts name their data files
    /// relative to it, as `gnuplot NAME.gp` run there would).
    public func run(script: String, in directory: URL) throws {
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = executable
        p.currentDirectoryURL = directory
        let stdin = Pipe()
        p.standardInput = stdin
        p.standardOutput = FileHandle.nullDevice
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("toy-gnuplot-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? errHandle.close()
            try? FileManager.default.removeItem(at: errURL)
        }
        p.standardError = errHandle
        do { try p.run() } catch { throw PlotError.launchFailed("\(error)") }
        var writeError: Error?
        do { try stdin.fileHandleForWriting.write(contentsOf: Data(script.utf8)) } catch { writeError = error }
        try? stdin.fileHandleForWriting.close()
        p.waitUntilExit()
        let message = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        if p.terminationStatus != 0 || writeError != nil {
            throw PlotError.gnuplotFailed(status: p.terminationStatus, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

/// Plotting errors, each with what to do.
public enum PlotError: Error, CustomStringConvertible {
    case gnuplotNotFound
    case launchFailed(String)
    case gnuplotFailed(status: Int32, message: String)
    case notARun(path: String, missing: [String])
    /// Values a figure cannot show as they are (it never clamps them silently).
    case invalidData(String)

    public var description: String {
        switch self {
        case .gnuplotNotFound:
            return
                "gnuplot not found on PATH; figure data and scripts were written. Install it with 'apt-get install gnuplot-nox', then render with 'toy plot RUN_DIR' (or 'gnuplot NAME.gp' in the plots folder)."
        case .launchFailed(let m): return "could not start gnuplot: \(m)"
        case .gnuplotFailed(let s, let m): return "gnuplot exited with status \(s): \(m)"
        case .notARun(let p, let missing):
            return "'\(p)' is not a toy run folder: expected \(missing.joined(separator: ", ")) (written by 'toy run')."
        case .invalidData(let m): return "cannot draw: \(m)"
        }
    }
}
