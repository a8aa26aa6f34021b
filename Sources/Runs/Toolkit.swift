import Engine
import Foundation

/// Facts about this build of toy, recorded with every run.
public struct Toolkit: Codable, Sendable {
    public static let version = "0.1.0"

    public var version: String
    /// The git commit of the source tree the executable was built from, when known.
    public var gitCommit: String?
    public var blas: String
    public var host: String
    /// oneDNN's version, convolution algorithm and channel block (`ConvolutionPlan.summary`): image
    /// runs on machines that differ here agree only to rounding. Absent in records before it existed.
    public var convolutions: String?

    public static func current() -> Toolkit {
        Toolkit(
            version: version, gitCommit: gitCommit(), blas: BLAS.backendName,
            host: ProcessInfo.processInfo.hostName, convolutions: ConvolutionPlan.summary)
    }

    /// Finds the package root above the executable (.build/release/toy) and asks git for HEAD.
    static func gitCommit() -> String? {
        guard var dir = Bundle.main.executableURL?.deletingLastPathComponent() else { return nil }
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { break }
            dir = dir.deletingLastPathComponent()
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir.path, "rev-parse", "HEAD"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        let s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.count == 40 ? s : nil
    }
}
