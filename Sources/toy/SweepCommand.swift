import ArgumentParser
import Datasets
import Foundation
import Runs

/// `toy sweep`: a grid over configuration keys and seeds, each cell a run folder under one sweep
/// folder; resumable, with tables of every metric and their 95% intervals over seeds.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid over configuration keys and seeds; tables with 95% intervals over seeds.",
        discussion: """
            toy sweep moons --seeds 0-4 --set training.steps=2000,5000 --set sampling.sampler=ddpm,ddim --jobs 2 --out sweeps/steps
            runs every cell (finished cells are skipped, interrupted ones resume) and writes results.csv and aggregate.{csv,md,tex}.
            --emit jobs|slurm writes the plan and a GNU parallel job list or a SLURM array script instead of running;
            toy sweep --collect DIR builds the tables from the cells that have finished, wherever they ran.
            """)

    @Argument(help: "Dataset of the base configuration (or give --config or --data).") var dataset: ToyDataset?
    @Option(help: "Base configuration file (a run's config.json works).") var config: String?
    @Option(help: "Base data: a CSV or .npy file of points, instead of DATASET.") var data: String?
    @Option(help: "Seeds: a range and/or list, e.g. 0-4 or 0,3,7.") var seeds = "0"
    @Option(name: .customLong("set"), help: "An axis: section.key=value1,value2,… (repeatable), e.g. training.steps=2000,5000.")
    var axes: [String] = []
    @Option(help: "Cells run at once on this machine; threads are shared among them.") var jobs = 1
    @Option(help: "The sweep folder.") var out: String?
    @Option(help: "Write the plan and a script instead of running: jobs (GNU parallel) or slurm (job array).") var emit: Emit?
    @Option(help: "Build the tables of the sweep in this folder from its finished cells, and exit.") var collect: String?
    @Option(help: "Run (or resume) this one cell of the sweep in --out, as the emitted scripts do.") var cell: String?
    @Option(help: "Threads for a --cell run (default: the cell's configuration).") var threads: Int?
    @Flag(help: "No progress output.") var quiet = false

    enum Emit: String, ExpressibleByArgument, CaseIterable { case jobs, slurm }

    func validate() throws {
        guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64, got \(jobs).") }
        if let threads, threads < 1 || threads > 64 { throw ValidationError("--threads must be between 1 and 64, got \(threads).") }
        if collect != nil || cell != nil {
            if cell != nil && out == nil { throw ValidationError("--cell needs --out SWEEP_DIR.") }
            return
        }
        guard out != nil else { throw ValidationError("--out SWEEP_DIR is required.") }
        do { _ = try plan() } catch let e as RunError { throw ValidationError(e.description) }
    }

    /// The plan from the base configuration, the axes and the seeds.
    func plan() throws -> SweepPlan {
        var base: RunConfiguration
        if let config {
            base = try ConfigurationFile.read(URL(fileURLWithPath: config))
        } else if let data {
            guard dataset == nil else { throw RunError.invalid("give a dataset or --data FILE, not both.") }
            base = DatasetDefaults().configuration(data: DataConfiguration(file: data))
        } else if let dataset = dataset ?? datasetAxis() {
            base = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
        } else {
            throw RunError.invalid("name a dataset (\(ToyDataset.allCases.map(\.rawValue).joined(separator: ", "))), or give --data or --config.")
        }
        return try SweepPlan(
            base: base, perDatasetDefaults: config == nil && data == nil, axes: try axes.map(SweepPlan.Axis.init(parsing:)),
            seeds: try SweepPlan.seeds(seeds))
    }

    /// The first dataset of a `data.dataset` axis, which can stand in for DATASET.
    func datasetAxis() -> ToyDataset? {
        guard let axis = try? axes.map(SweepPlan.Axis.init(parsing:)).first(where: { $0.key == "data.dataset" }) else { return nil }
        return axis.values.first.flatMap(ToyDataset.init(rawValue:))
    }

    func run() throws {
        let quiet = quiet
        let say: @Sendable (String) -> Void = { line in if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) } }
        if let collect {
            let sweep = SweepDirectory(URL(fileURLWithPath: collect))
            try report(SweepTables(sweep), sweep)
            return
        }
        let sweep = SweepDirectory(URL(fileURLWithPath: out!))
        if let cell {
            let before = try sweep.runCell(cell, threads: threads, quiet: quiet, log: say)
            print(before == .complete ? "\(cell): already complete" : "\(cell): \(before == .resumable ? "resumed and " : "")complete")
            return
        }
        let plan = try plan()
        try sweep.write(plan)
        switch emit {
        case .jobs:
            let file = sweep.url.appendingPathComponent("jobs.txt")
            try FileFormats.write(Data(SweepScripts.jobs(plan, sweep: sweep).utf8), to: file)
            print("\(plan.cells.count) cells; run them with: parallel -j \(jobs) < \(file.path); then: toy sweep --collect \(sweep.url.path)")
        case .slurm:
            let file = sweep.url.appendingPathComponent("sweep.slurm")
            try FileManager.default.createDirectory(at: sweep.url.appendingPathComponent("slurm"), withIntermediateDirectories: true)
            try FileFormats.write(Data(SweepScripts.slurm(plan, sweep: sweep, concurrent: jobs, cpus: plan.base.threads).utf8), to: file)
            print("\(plan.cells.count) cells; submit with: sbatch \(file.path); then: toy sweep --collect \(sweep.url.path)")
        case nil:
            let failed = try runLocally(plan, sweep, say: say)
            try report(SweepTables(sweep), sweep)
            if !failed.isEmpty { throw RunError.invalid("\(failed.count) cell(s) failed: \(failed.joined(separator: ", ")); run the same command again to retry them.") }
        }
    }

    /// Runs the unfinished cells, `jobs` at a time, each as its own `toy sweep --cell` process
    /// (BLAS and the toolkit's workers are per process); returns the cells that failed.
    func runLocally(_ plan: SweepPlan, _ sweep: SweepDirectory, say: @escaping @Sendable (String) -> Void) throws -> [String] {
        let todo = plan.cells.map(\.name).filter { sweep.state($0) != .complete }
        say("sweep \(sweep.url.path): \(plan.cells.count) cells, \(plan.cells.count - todo.count) already complete, \(todo.count) to run, \(jobs) at a time")
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let perCell = max(1, plan.base.threads / jobs)
        let slots = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        let outcome = Outcome()
        for (i, name) in todo.enumerated() {
            slots.wait()
            let p = Process()
            p.executableURL = executable
            p.arguments = ["sweep", "--cell", name, "--out", sweep.url.path, "--threads", "\(perCell)", "--quiet"]
            p.standardOutput = FileHandle.nullDevice  // the parent reports each cell; errors still reach stderr
            group.enter()
            p.terminationHandler = { process in
                outcome.finish(name, ok: process.terminationStatus == 0)
                say("[\(i + 1)/\(todo.count)] \(name): \(process.terminationStatus == 0 ? "complete" : "failed (exit \(process.terminationStatus))")")
                slots.signal()
                group.leave()
            }
            do { try p.run() } catch {
                outcome.finish(name, ok: false)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return outcome.failed
    }

    func report(_ tables: SweepTables, _ sweep: SweepDirectory) throws {
        try tables.write(to: sweep)
        print(tables.aggregateMarkdown)
        print("wrote \(sweep.url.path)/results.csv (\(tables.rows.count) cells) and aggregate.csv, aggregate.md, aggregate.tex")
    }
}

/// The cells that failed, collected from the processes' termination handlers.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []

    func finish(_ name: String, ok: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if !ok { failures.append(name) }
    }

    var failed: [String] {
        lock.lock()
        defer { lock.unlock() }
        return failures
    }
}
