import Datasets
import Foundation

/// A study: a grid over configuration keys and seeds, one run folder per cell under one sweep
/// folder. The plan is written once (sweep.json, one configs/CELL.json per cell); cells then run
/// here (`toy sweep … --jobs N`), or anywhere through the emitted GNU parallel or SLURM scripts, and
/// `collect` builds the tables from whatever cells have finished.
///
///     SWEEP/sweep.json          the plan: base configuration, axes, seeds, cell names
///     SWEEP/configs/CELL.json   each cell's full configuration (a valid `toy run --config`)
///     SWEEP/runs/CELL/          each cell's run folder
///     SWEEP/results.csv         one row per finished cell, every metric
///     SWEEP/aggregate.{csv,md,tex}   mean and 95% interval (Student t) over seeds
public struct SweepPlan: Codable, Sendable {
    /// One axis: a configuration key ("section.key") and the values it takes.
    public struct Axis: Codable, Sendable, Equatable {
        public var key: String
        public var values: [String]

        public init(key: String, values: [String]) {
            self.key = key
            self.values = values
        }

        /// Parses `section.key=v1,v2,…` (the `--set` syntax).
        public init(parsing text: String) throws {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].contains("."), !parts[1].isEmpty else {
                throw RunError.invalid("--set takes section.key=value1,value2,… (for example training.steps=2000,5000), got '\(text)'.")
            }
            key = parts[0]
            values = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard values.allSatisfy({ !$0.isEmpty }) else { throw RunError.invalid("--set \(key): an empty value in '\(parts[1])'.") }
        }
    }

    /// One cell: its name (the folder under runs/), its axis values and seed.
    public struct Cell: Codable, Sendable, Equatable {
        public var name: String
        public var values: [String: String]
        public var seed: UInt64
    }

    public var base: RunConfiguration
    /// Whether `base` is a dataset's defaults, so that a `data.dataset` axis gives each dataset its
    /// own tuned defaults (as `toy run DATASET` would) rather than the base dataset's.
    public var perDatasetDefaults: Bool
    public var axes: [Axis]
    public var seeds: [UInt64]
    public var cells: [Cell]

    /// The grid of `axes` × `seeds` over `base`; every cell's configuration is checked now, so a
    /// misspelt key or a bad value fails before anything runs.
    public init(base: RunConfiguration, perDatasetDefaults: Bool = false, axes: [Axis], seeds: [UInt64]) throws {
        guard !seeds.isEmpty else { throw RunError.invalid("--seeds names no seed.") }
        guard Set(axes.map(\.key)).count == axes.count else { throw RunError.invalid("--set names a key twice.") }
        self.base = base
        self.perDatasetDefaults = perDatasetDefaults
        self.axes = axes
        self.seeds = seeds
        var combinations: [[(String, String)]] = [[]]
        for axis in axes { combinations = combinations.flatMap { c in axis.values.map { c + [(axis.key, $0)] } } }
        cells = combinations.flatMap { c in
            seeds.map { seed in
                // Axes with one value set the base for every cell; only varying ones name the folder.
                let varying = c.filter { pair in (axes.first { $0.key == pair.0 }?.values.count ?? 0) > 1 }
                let name = (varying.map { "\($0.0)-\($0.1)" } + ["seed-\(seed)"]).joined(separator: "__")
                return Cell(name: Self.folderName(name), values: Dictionary(uniqueKeysWithValues: c), seed: seed)
            }
        }
        for cell in cells { try configuration(of: cell).validate() }
    }

    /// A folder-safe name: letters, digits and . _ - kept, anything else becomes _.
    static func folderName(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
    }

    /// The full configuration of `cell`: the base with the cell's values at their keys (a value is
    /// read as JSON — numbers, true, false, null — or else as a string) and the cell's seed. As with
    /// `toy run`, a process set without a sampler brings its usual sampler (and the reverse), and
    /// then (on a dataset's defaults) the sampler's default step count unless `sampling.steps` is set.
    public func configuration(of cell: Cell) throws -> RunConfiguration {
        var start = base
        if perDatasetDefaults, let name = cell.values["data.dataset"], let dataset = ToyDataset(rawValue: name) {
            start = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
            start.threads = base.threads
        }
        var object = try ConfigurationFile.object(FileFormats.json(start))
        for (key, text) in cell.values.sorted(by: { $0.key < $1.key }) {
            let path = key.split(separator: ".").map(String.init)
            guard path.count == 2 else { throw RunError.invalid("--set \(key): keys are section.key, for example training.steps.") }
            var section = object[path[0]] as? [String: Any] ?? [:]
            section[path[1]] = Self.jsonValue(text)
            object[path[0]] = section
        }
        object["seed"] = cell.seed
        var c = try ConfigurationFile.decode(object, from: "--set in cell \(cell.name)")
        let (samplerGiven, processGiven) = (cell.values["sampling.sampler"] != nil, cell.values["process.kind"] != nil)
        let before = (c.sampling.sampler, c.process.kind)
        c.fitSamplerAndProcess(samplerGiven: samplerGiven, processGiven: processGiven)
        // Like toy run: defaults bring the sampler's step count, a configuration file keeps its own.
        let changed = samplerGiven || processGiven || before != (c.sampling.sampler, c.process.kind)
        if perDatasetDefaults && changed && cell.values["sampling.steps"] == nil {
            c.defaultSampleSteps(DatasetDefaults.forData(c.data))
        }
        return c
    }

    static func jsonValue(_ text: String) -> Any {
        if text == "null" { return NSNull() }
        if let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            !(parsed is String)
        {
            return parsed
        }
        return text
    }

    /// Parses `0-4` or `0,3,7` (or a mix: `0-2,9`).
    public static func seeds(_ text: String) throws -> [UInt64] {
        var out: [UInt64] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
            if ends.count == 1, let a = ends[0] {
                out.append(a)
            } else if ends.count == 2, let a = ends[0], let b = ends[1], a <= b, b - a < 10_000 {
                out += Array(a...b)
            } else {
                throw RunError.invalid("--seeds takes numbers and ranges such as 0-4 or 0,3,7, got '\(text)'.")
            }
        }
        guard !out.isEmpty, Set(out).count == out.count else { throw RunError.invalid("--seeds '\(text)' is empty or repeats a seed.") }
        return out
    }
}

/// A sweep folder: its plan, cells, their state, and the tables built from them.
public struct SweepDirectory: Sendable {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    public var plan: URL { url.appendingPathComponent("sweep.json") }
    public func config(_ cell: String) -> URL { url.appendingPathComponent("configs/\(cell).json") }
    public func run(_ cell: String) -> RunDirectory { RunDirectory(url.appendingPathComponent("runs/\(cell)")) }

    /// Writes the plan and every cell's configuration. An existing sweep folder must hold the same
    /// plan (so a rerun resumes it); a different one is refused.
    public func write(_ plan: SweepPlan) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: self.plan.path) {
            let existing = try load()
            guard existing.cells.map(\.name) == plan.cells.map(\.name), existing.base == plan.base else {
                throw RunError.invalid("'\(url.path)' holds another sweep; choose another --out or remove it.")
            }
        }
        do { try fm.createDirectory(at: url.appendingPathComponent("configs"), withIntermediateDirectories: true) } catch {
            throw RunError.notWritable(path: url.path, reason: error.localizedDescription)
        }
        try FileFormats.write(try FileFormats.json(plan), to: self.plan)
        for cell in plan.cells { try FileFormats.write(try FileFormats.json(try plan.configuration(of: cell)), to: config(cell.name)) }
    }

    public func load() throws -> SweepPlan {
        guard FileManager.default.fileExists(atPath: plan.path) else { throw RunError.notARun(path: url.path, missing: "sweep.json") }
        do { return try JSONDecoder().decode(SweepPlan.self, from: Data(contentsOf: plan)) } catch {
            throw RunError.invalid("'\(plan.path)' is not a readable sweep plan: \(error)")
        }
    }

    /// Where a cell stands: not started, started (resumable from its checkpoint), or complete.
    public enum CellState: Equatable, Sendable {
        case pending, resumable, complete
    }

    public func state(_ cell: String) -> CellState {
        let run = run(cell)
        guard let record = try? RunRecord.load(run) else { return .pending }
        if record.status == .complete { return .complete }
        return FileManager.default.fileExists(atPath: run.checkpoint.path) ? .resumable : .pending
    }
}

extension SweepDirectory {
    /// Runs one cell where it stands: skips it when complete, resumes it from its checkpoint when
    /// interrupted, starts it (replacing a partial folder without a checkpoint) otherwise.
    /// `threads` overrides the cell's own (results do not depend on it).
    public func runCell(_ cell: String, threads: Int? = nil, quiet: Bool = true, log: @escaping (String) -> Void) throws -> CellState {
        let plan = try load()
        guard plan.cells.contains(where: { $0.name == cell }) else {
            throw RunError.invalid("no cell '\(cell)' in \(url.path); its cells: \(plan.cells.map(\.name).joined(separator: ", ")).")
        }
        let before = state(cell)
        var runner = ToyRun(directory: run(cell))
        runner.quiet = quiet
        runner.log = log
        switch before {
        case .complete: return .complete
        case .resumable: _ = try runner.resume(threads: threads)
        case .pending:
            var c = try ConfigurationFile.read(config(cell))
            c.threads = threads ?? c.threads
            _ = try runner.start(c, force: true)
        }
        return before
    }
}
