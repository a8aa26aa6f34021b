import Datasets
import Diffusion
import Engine
import Foundation
import Samplers
import Stats

/// A trained run of a comparison and the samplers to try on it (all that fit its process when empty).
public struct ComparisonRun: Codable, Sendable, Equatable {
    public var folder: String
    public var samplers: [SamplerKind]

    public init(folder: String, samplers: [SamplerKind] = []) {
        self.folder = folder
        self.samplers = samplers
    }
}

/// What `toy compare` runs: trained runs with their samplers, the evaluation budgets, the ODE
/// tolerances that stand in for budgets, and the sampling seeds each cell is repeated with (each
/// seed redraws the prior, the samplers' noise and the reference data, so the spread over seeds
/// is the spread a reader would see on rerunning).
public struct ComparisonPlan: Codable, Sendable {
    public var runs: [ComparisonRun]
    public var budgets: [Int]
    public var odeTolerances: [Double]
    public var samples: Int
    public var seeds: [UInt64]
    /// Stochastic samplers share one Brownian path across budgets.
    public var sharedNoise: Bool
    public var threads: Int

    public init(
        runs: [ComparisonRun], budgets: [Int], odeTolerances: [Double], samples: Int, seeds: [UInt64],
        sharedNoise: Bool = true, threads: Int = 2
    ) {
        self.runs = runs
        self.budgets = budgets
        self.odeTolerances = odeTolerances
        self.samples = samples
        self.seeds = seeds
        self.sharedNoise = sharedNoise
        self.threads = threads
    }

    /// The plan with its run folders relative to `folder` (where plan.json is written), so the
    /// file names no machine's paths.
    public func relative(to folder: URL) -> ComparisonPlan {
        var plan = self
        for i in plan.runs.indices { plan.runs[i].folder = FileFormats.relativePath(of: URL(fileURLWithPath: runs[i].folder), from: folder) }
        return plan
    }

    /// Checks the numbers, naming the flag at fault.
    public func validate() throws {
        guard !runs.isEmpty else { throw RunError.invalid("toy compare needs at least one run folder.") }
        guard !budgets.isEmpty && budgets.allSatisfy({ $0 >= 1 && $0 <= 1_000_000 }) else {
            throw RunError.invalid("--budgets must be a comma-separated list of evaluation counts from 1 to 1000000, got \(budgets).")
        }
        guard odeTolerances.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw RunError.invalid("--ode-tolerances must all be in (0, 1), got \(odeTolerances).")
        }
        guard !seeds.isEmpty && Set(seeds).count == seeds.count else {
            throw RunError.invalid("--seeds must list distinct seeds, got \(seeds).")
        }
        guard samples >= 10 && samples <= 10_000_000 else { throw RunError.invalid("--samples must be between 10 and 10000000, got \(samples).") }
        guard threads >= 1 && threads <= 64 else { throw RunError.invalid("--threads must be between 1 and 64, got \(threads).") }
    }
}

/// One cell of a comparison: a sampler at a budget on one trained run, with its cost and quality.
public struct ComparisonRow: Codable, Sendable {
    /// The run folder's name: runs that differ only in their training seed stay apart.
    public var run: String
    /// The sampling seed of this cell.
    public var seed: UInt64
    /// The data's name (a toy dataset's, or a --data file's).
    public var dataset: String
    public var process: ProcessKind
    public var sampler: SamplerKind
    /// The evaluation budget asked for (the ODE's tolerance stands in for it).
    public var budget: Int?
    public var odeTolerance: Double?
    public var steps: Int
    public var modelEvaluations: Int
    public var seconds: Double
    public var energyDistance: Double
    public var mmd: Double
    public var classifierAccuracy: Double
    public var slicedWasserstein: Double
    /// Precision beside recall: scattered samples reach a high recall with their wide k-NN balls.
    public var precision: Double
    public var recall: Double
    /// The data-vs-data values of the same metrics.
    public var baselineEnergyDistance: Double
    public var baselineMMD: Double
    public var baselineClassifierAccuracy: Double
    public var baselineSlicedWasserstein: Double
    public var baselinePrecision: Double
    public var baselineRecall: Double
    public var nonFiniteSamples: Int
    /// The samples (kept for the scatter grid; not encoded).
    public var samples: [SIMD2<Double>] = []

    enum CodingKeys: String, CodingKey {
        case run, seed, dataset, process, sampler, budget, odeTolerance, steps, modelEvaluations, seconds, energyDistance, mmd
        case classifierAccuracy, slicedWasserstein, precision, recall, baselineEnergyDistance, baselineMMD, baselineClassifierAccuracy
        case baselineSlicedWasserstein, baselinePrecision, baselineRecall, nonFiniteSamples
    }

    /// "process/sampler", the label of the row's curve.
    public var label: String { "\(process.rawValue)/\(sampler.rawValue)" }

    /// The cell this row repeats over seeds: run, sampler and budget (or tolerance).
    var cell: ComparisonCell { ComparisonCell(run: run, sampler: sampler, budget: budget, odeTolerance: odeTolerance) }
}

/// A comparison cell without its seed.
struct ComparisonCell: Hashable {
    var run: String
    var sampler: SamplerKind
    var budget: Int?
    var odeTolerance: Double?
}

/// Runs a comparison plan: every sampler that fits each run, at every budget it can take, once per
/// seed — within a seed from the same prior draw (the run's sampling stream at that seed) — timed
/// and scored against fresh data. Samples are kept for the first seed only (the scatter grid).
public func runComparison(_ plan: ComparisonPlan, log: (String) -> Void) throws -> [ComparisonRow] {
    try plan.validate()
    Threads.set(plan.threads)
    var rows: [ComparisonRow] = []
    for run in plan.runs {
        let folder = URL(fileURLWithPath: run.folder)
        let trained = try TrainedRun(RunDirectory(folder))
        let base = trained.configuration
        for kind in run.samplers { try kind.check(process: base.process.kind) }
        let kinds = run.samplers.isEmpty ? SamplerKind.allCases.filter { $0.processes.contains(base.process.kind) } : run.samplers
        for kind in kinds {
            var c = base
            c.sampling.sampler = kind
            c.sampling.samples = plan.samples
            c.threads = plan.threads
            c.sampling.sharedNoise = plan.sharedNoise
            var settings: [(budget: Int?, tolerance: Double?, steps: Int)] = []
            if kind == .ode {
                settings = plan.odeTolerances.map { (nil, $0, 1) }
            } else {
                for budget in plan.budgets {
                    var steps = kind.sampler(c.sampling).steps(forEvaluations: budget)
                    if kind == .annealedLangevin { steps = max(steps, c.process.levels) }
                    if let limit = trained.process.discreteSteps, [.ddpm, .ddim, .ddimEta1].contains(kind), steps > limit {
                        log("\(kind.rawValue) on \(run.folder): budget \(budget) needs \(steps) steps, more than the chain's \(limit); skipped")
                        continue
                    }
                    settings.append((budget, nil, steps))
                }
            }
            for (budget, tolerance, steps) in settings {
                for seed in plan.seeds {
                    c.seed = seed
                    c.sampling.steps = steps
                    if let tolerance { c.sampling.odeTolerance = tolerance }
                    let record = try SamplingRecord.make(trained, configuration: c)
                    guard let quality = record.quality else { throw RunError.invalid("\(kind.rawValue): \(record.metricsNote ?? "no metrics")") }
                    let (q, b) = (quality.samples, quality.baseline)
                    let s = seed == plan.seeds[0] ? record.samples : []
                    let row = ComparisonRow(
                        run: folder.lastPathComponent, seed: seed, dataset: base.data.name, process: base.process.kind, sampler: kind, budget: budget,
                        odeTolerance: tolerance, steps: steps, modelEvaluations: record.modelEvaluations, seconds: record.seconds,
                        energyDistance: q.energyDistance, mmd: q.mmd, classifierAccuracy: q.classifierAccuracy, slicedWasserstein: q.slicedWasserstein,
                        precision: q.precision, recall: q.recall, baselineEnergyDistance: b.energyDistance, baselineMMD: b.mmd,
                        baselineClassifierAccuracy: b.classifierAccuracy, baselineSlicedWasserstein: b.slicedWasserstein, baselinePrecision: b.precision,
                        baselineRecall: b.recall,
                        nonFiniteSamples: quality.nonFiniteSamples,
                        samples: stride(from: 0, to: s.count, by: 2).map { SIMD2(Double(s[$0]), Double(s[$0 + 1])) })
                    log(
                        String(
                            format: "%@ %@/%@ seed %llu: %d evaluations, %.2f s, energy %.4f, C2ST %.3f", row.dataset, row.process.rawValue,
                            row.sampler.rawValue, seed, row.modelEvaluations, row.seconds, row.energyDistance, row.classifierAccuracy))
                    rows.append(row)
                }
            }
        }
    }
    return rows
}
