import Foundation

/// The folder of one run and the names of the files in it.
public struct RunDirectory: Sendable {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    public var config: URL { url.appendingPathComponent("config.json") }
    public var samplesCSV: URL { url.appendingPathComponent("samples.csv") }
    public var samplesNPY: URL { url.appendingPathComponent("samples.npy") }
    public var dataCSV: URL { url.appendingPathComponent("data.csv") }
    public var lossCSV: URL { url.appendingPathComponent("loss.csv") }
    public var model: URL { url.appendingPathComponent("model.safetensors") }
    /// Optimizer state, raw weights, step and random-generator states for an exact resume.
    public var checkpoint: URL { url.appendingPathComponent("checkpoint.safetensors") }
    public var trajectoryCSV: URL { url.appendingPathComponent("trajectory.csv") }
    /// Sample-quality metrics against fresh data, with the data-vs-data baseline.
    public var metrics: URL { url.appendingPathComponent("metrics.json") }

    /// Every file a run writes (what --force replaces).
    public var runFiles: [URL] { [config, samplesCSV, samplesNPY, dataCSV, lossCSV, model, checkpoint, trajectoryCSV, metrics] }

    /// The default folder: runs/DATASET-YYYYmmdd-HHMMSS under the current directory.
    public static func defaultURL(dataset: String, date: Date = Date()) -> URL {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd-HHmmss"
        f.timeZone = TimeZone(identifier: "UTC")
        return URL(fileURLWithPath: "runs").appendingPathComponent("\(dataset)-\(f.string(from: date))")
    }

    /// Creates the folder for a new run and locks it (`RunLock`: a second process writing there is
    /// refused). Refuses a non-empty folder unless `force` (then only the files a run writes, and
    /// partial files a killed run left, are removed), and proves it writable before any training
    /// starts. Keep the returned lock until the run has written its last file.
    public func prepareNew(force: Bool) throws -> RunLock {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RunError.notWritable(path: url.path, reason: "a file of that name exists") }
        } else {
            do { try fm.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw RunError.notWritable(path: url.path, reason: error.localizedDescription)
            }
        }
        let lock = try RunLock(url)
        let contents = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0 != RunLock.fileName }
        if !contents.isEmpty {
            guard force else { throw RunError.outputExists(path: url.path) }
            for f in runFiles where fm.fileExists(atPath: f.path) { try? fm.removeItem(at: f) }
            for name in contents where name.hasSuffix(FileFormats.partialSuffix) { try? fm.removeItem(at: url.appendingPathComponent(name)) }
        }
        try checkWritable()
        return lock
    }

    /// Checks the output folder of `toy sample` or `toy compare` before any work: a run folder is
    /// refused (its own samples and records would be overwritten); results of an earlier call —
    /// any of `writes` present — are replaced only with `force`, as `toy run` replaces a run.
    public static func checkOutput(_ folder: URL, writes names: [String], force: Bool) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.appendingPathComponent("config.json").path) {
            throw RunError.invalid(
                "'\(folder.path)' is a run folder: writing there would overwrite the run's own samples and records; choose another --out.")
        }
        if !force, let earlier = names.first(where: { fm.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
            throw RunError.invalid(
                "output folder '\(folder.path)' holds \(earlier) from an earlier call. Hint: pass --force to replace it, or --out to choose another folder.")
        }
    }

    /// Locks an existing run folder for a resume (see `prepareNew`) and proves it writable.
    public func prepareResume() throws -> RunLock {
        let lock = try RunLock(url)
        try checkWritable()
        return lock
    }

    /// Writes and removes a probe file; throws `notWritable` when that fails.
    public func checkWritable() throws {
        let probe = url.appendingPathComponent(".toy-write-probe")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data("ok".utf8)) else {
            throw RunError.notWritable(path: url.path, reason: "permission denied or read-only file system")
        }
        try? FileManager.default.removeItem(at: probe)
    }
}
