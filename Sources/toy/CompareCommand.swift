import ArgumentParser
import Foundation
import Plotting
import Runs
import Samplers

/// `toy compare RUN_DIR...`: every sampler that fits each run at several evaluation budgets.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Sample trained runs with every fitting sampler at several NFE budgets; write a results table and figures.",
        discussion: """
            Each run is sampled from the same prior draw by each sampler that fits its process (or those given as \
            FOLDER=sampler,...) at each budget, timed, and scored against fresh data; with several --seeds every cell is \
            repeated per seed. The ODE's budget is set by its tolerance (--ode-tolerances). Writes results.csv/.jsonl \
            (every seed), summary.csv and results.md/.tex (mean ± 95% interval), plan.json and, per dataset, grid-, \
            quality- and time- figures into --out.
            """)

    @Argument(help: "Run folders written by toy run, each optionally with its samplers: FOLDER or FOLDER=ddim,heun (default: all that fit).")
    var runs: [String]
    @Option(help: "Comma-separated evaluation budgets.") var budgets = "10,20,50,100,200,1000"
    @Option(help: "Comma-separated tolerances of the ODE sampler.")
    var odeTolerances = "1e-1,1e-2,1e-3,1e-4,1e-5"
    @Option(help: "Samples per cell.") var samples = 5000
    @Option(
        help:
            "Sampling seeds, a range and/or list (e.g. 0-4 or 0,3,7): each cell is repeated per seed (prior draw, samplers' noise, reference data) and reported as mean ± 95% interval."
    ) var seeds = "0"
    @Flag(inversion: .prefixedNo, help: "Stochastic samplers share one Brownian path across budgets.") var sharedNoise = true
    @Option(help: "Threads.") var threads = 2
    @Option(help: "Image format: png, svg or pdf.") var format: FigureFormat = .png
    @Option(help: "Output folder.") var out: String
    @Flag(help: "Replace the results of an earlier toy compare in --out.") var force = false

    func plan() throws -> ComparisonPlan {
        func list<T>(_ text: String, _ flag: String, _ parse: (String) -> T?) throws -> [T] {
            try text.split(separator: ",").map {
                guard let v = parse($0.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("\(flag): cannot read '\($0)'.") }
                return v
            }
        }
        let specs = try runs.map { arg -> ComparisonRun in
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return ComparisonRun(folder: arg) }
            let kinds = try parts[1].split(separator: ",").map { name -> SamplerKind in
                guard let k = SamplerKind(rawValue: String(name)) else {
                    throw ValidationError(
                        "unknown sampler '\(name)' in '\(arg)'; valid: \(SamplerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return k
            }
            return ComparisonRun(folder: parts[0], samplers: kinds)
        }
        return ComparisonPlan(
            runs: specs, budgets: try list(budgets, "--budgets") { Int($0) },
            odeTolerances: try list(odeTolerances, "--ode-tolerances") { Double($0) }, samples: samples, seeds: try SweepPlan.seeds(seeds),
            sharedNoise: sharedNoise, threads: threads)
    }

    func validate() throws {
        do { try plan().validate() } catch let e as RunError { throw ValidationError(e.description) }
    }

    func run() throws {
        let plan = try plan()
        try RunDirectory.checkOutput(URL(fileURLWithPath: out), writes: ["plan.json", "results.csv", "summary.csv"], force: force)
        let rows = try runComparison(plan) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        var data: [String: [SIMD2<Double>]] = [:]
        for run in plan.runs {
            let directory = RunDirectory(URL(fileURLWithPath: run.folder))
            data[try RunRecord.load(directory).configuration.data.name] = try PointsCSV.read(directory.dataCSV)
        }
        let folder = URL(fileURLWithPath: out)
        if let notice = try ComparisonReport(rows: rows, plan: plan).write(to: folder, format: format, data: data) {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
        }
        print("wrote \(rows.count) results and figures to \(folder.path)")
    }
}
