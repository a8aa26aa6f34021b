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

    /// Creates the folder for a new run. Refuses a non-empty folder unless `force` (then only the
    /// files a run writes are removed), and proves it writable before any training starts.
    public func prepareNew(force: Bool) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RunError.notWritable(path: url.path, reason: "a file of that name exists") }
            let contents = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            if !contents.isEmpty {
                guard force else { throw RunError.outputExists(path: url.path) }
                for f in runFiles where fm.fileExists(atPath: f.path) { try? fm.removeItem(at: f) }
            }
        } else {
            do { try fm.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw RunError.notWritable(path: url.path, reason: error.localizedDescription)
            }
        }
        try checkWritable()
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
