import Foundation
import Stats

/// The tables of a sweep, built from the cells that have finished wherever they ran: one row per
/// cell with every metric of its samples (results.csv), and per combination of axis values the
/// mean and 95% confidence interval over seeds (aggregate.csv, .md and booktabs .tex).
public struct SweepTables: Sendable {
    /// One finished cell: its axis values, seed and numbers by column name.
    public struct Row: Sendable {
        public var cell: String
        public var values: [String: String]
        public var seed: UInt64
        public var numbers: [String: Double]
    }

    public let plan: SweepPlan
    public let rows: [Row]
    /// Cells not (yet) complete.
    public let missing: [String]
    /// The numeric columns, in a fixed order: run figures first, then the sample metrics.
    public let columns: [String]

    /// Reads every complete cell of `sweep`.
    public init(_ sweep: SweepDirectory) throws {
        plan = try sweep.load()
        var rows: [Row] = [], missing: [String] = []
        var metricNames: [String] = []
        for cell in plan.cells {
            guard sweep.state(cell.name) == .complete else {
                missing.append(cell.name)
                continue
            }
            let run = sweep.run(cell.name)
            let record = try RunRecord.load(run)
            var numbers: [String: Double] = [:]
            if let t = record.timings {
                numbers["training_seconds"] = t.trainingSeconds
                numbers["sampling_seconds"] = t.samplingSeconds
            }
            if let r = record.results {
                numbers["final_loss"] = r.finalLoss
                numbers["model_evaluations"] = Double(r.modelEvaluations)
                numbers["non_finite_samples"] = Double(r.nonFiniteSamples)
            }
            if let data = try? Data(contentsOf: run.metrics),
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let samples = object["samples"] as? [String: Any]
            {
                // Settings of the metrics (sample count, MMD bandwidth) are not results.
                for (k, v) in samples.sorted(by: { $0.key < $1.key }) where k != "count" && k != "bandwidth" {
                    guard let x = v as? Double ?? (v as? NSNumber)?.doubleValue, !(v is [Any]) else { continue }
                    numbers[k] = x
                    if !metricNames.contains(k) { metricNames.append(k) }
                }
            }
            rows.append(Row(cell: cell.name, values: cell.values, seed: cell.seed, numbers: numbers))
        }
        self.rows = rows
        self.missing = missing
        columns = ["final_loss", "training_seconds", "sampling_seconds", "model_evaluations", "non_finite_samples"] + metricNames.sorted()
    }

    var axisKeys: [String] { plan.axes.map(\.key) }

    static func format(_ x: Double?) -> String { x.map { $0.isFinite ? String(format: "%.6g", $0) : "\($0)" } ?? "" }

    /// results.csv: one row per finished cell.
    public var resultsCSV: String {
        var s = (["cell"] + axisKeys + ["seed"] + columns).joined(separator: ",") + "\n"
        for r in rows {
            s += ([r.cell] + axisKeys.map { r.values[$0] ?? "" } + ["\(r.seed)"] + columns.map { Self.format(r.numbers[$0]) }).joined(separator: ",") + "\n"
        }
        return s
    }

    /// Per combination of axis values (in plan order): the seeds and each column's interval.
    public var groups: [(values: [String], seeds: Int, intervals: [String: ConfidenceInterval])] {
        var order: [[String]] = []
        var byValues: [[String]: [Row]] = [:]
        for r in rows {
            let key = axisKeys.map { r.values[$0] ?? "" }
            if byValues[key] == nil { order.append(key) }
            byValues[key, default: []].append(r)
        }
        return order.map { key in
            let members = byValues[key]!
            var intervals: [String: ConfidenceInterval] = [:]
            for column in columns {
                let values = members.compactMap { $0.numbers[column] }.filter(\.isFinite)
                if !values.isEmpty { intervals[column] = ConfidenceInterval(values) }
            }
            return (key, members.count, intervals)
        }
    }

    /// aggregate.csv: per combination, each column's mean and the half-width of its 95% interval.
    public var aggregateCSV: String {
        var s = (axisKeys + ["seeds"] + columns.flatMap { ["\($0)_mean", "\($0)_ci95"] }).joined(separator: ",") + "\n"
        for g in groups {
            let cells = columns.flatMap { c in [Self.format(g.intervals[c]?.mean), Self.format(g.intervals[c]?.halfWidth)] }
            s += (g.values + ["\(g.seeds)"] + cells).joined(separator: ",") + "\n"
        }
        return s
    }

    static func cell(_ ci: ConfidenceInterval?) -> String {
        guard let ci else { return "—" }
        let m = String(format: "%.4g", ci.mean)
        return ci.halfWidth.map { "\(m) ± \(String(format: "%.2g", $0))" } ?? m
    }

    /// aggregate.md: `mean ± half-width` (95%, Student t over seeds).
    public var aggregateMarkdown: String {
        let header = axisKeys + ["seeds"] + columns
        var s = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for g in groups { s += "| " + (g.values + ["\(g.seeds)"] + columns.map { Self.cell(g.intervals[$0]) }).joined(separator: " | ") + " |\n" }
        s += "\nMean ± half-width of the 95% confidence interval (Student t) over seeds; one seed gives no interval.\n"
        if !missing.isEmpty { s += "\n\(missing.count) of \(plan.cells.count) cells have not finished: \(missing.joined(separator: ", ")).\n" }
        return s
    }

    /// aggregate.tex: the same table in booktabs.
    public var aggregateLaTeX: String {
        func escape(_ t: String) -> String {
            t.replacingOccurrences(of: "\\", with: "\\textbackslash{}").replacingOccurrences(of: "_", with: "\\_")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "&", with: "\\&").replacingOccurrences(of: "#", with: "\\#")
                .replacingOccurrences(of: "±", with: "$\\pm$")
        }
        let header = axisKeys + ["seeds"] + columns
        var s = "% Written by toy sweep; needs \\usepackage{booktabs}. Mean $\\pm$ 95% half-width (Student t) over seeds.\n"
        s += "\\begin{tabular}{" + String(repeating: "l", count: axisKeys.count) + String(repeating: "r", count: columns.count + 1) + "}\n\\toprule\n"
        s += header.map(escape).joined(separator: " & ") + " \\\\\n\\midrule\n"
        for g in groups {
            s += (g.values + ["\(g.seeds)"] + columns.map { Self.cell(g.intervals[$0]) }).map(escape).joined(separator: " & ") + " \\\\\n"
        }
        return s + "\\bottomrule\n\\end{tabular}\n"
    }

    /// Writes results.csv and aggregate.{csv,md,tex} into the sweep folder.
    public func write(to sweep: SweepDirectory) throws {
        try FileFormats.write(Data(resultsCSV.utf8), to: sweep.url.appendingPathComponent("results.csv"))
        try FileFormats.write(Data(aggregateCSV.utf8), to: sweep.url.appendingPathComponent("aggregate.csv"))
        try FileFormats.write(Data(aggregateMarkdown.utf8), to: sweep.url.appendingPathComponent("aggregate.md"))
        try FileFormats.write(Data(aggregateLaTeX.utf8), to: sweep.url.appendingPathComponent("aggregate.tex"))
    }
}

/// Scripts that run a sweep's cells elsewhere: one command per cell for GNU parallel, or a SLURM
/// job array with one task per cell. Both call `toy sweep --cell`, which skips, resumes or starts
/// the cell as it stands, so a script can simply be run again after an interruption.
public enum SweepScripts {
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// jobs.txt: `toy sweep --cell CELL --out SWEEP` per line (`parallel -j N < jobs.txt`).
    public static func jobs(_ plan: SweepPlan, sweep: SweepDirectory, toy: String = "toy") -> String {
        plan.cells.map { "\(toy) sweep --cell \(quote($0.name)) --out \(quote(sweep.url.path)) --quiet" }.joined(separator: "\n") + "\n"
    }

    /// sweep.slurm: a job array `--array=0-(N−1)%M`, task i running cell i.
    public static func slurm(_ plan: SweepPlan, sweep: SweepDirectory, concurrent: Int, cpus: Int) -> String {
        let names = plan.cells.map { "  " + quote($0.name) }.joined(separator: "\n")
        return """
            #!/usr/bin/env bash
            # Written by toy sweep: one array task per cell of \(sweep.url.path).
            # Submit with: sbatch \(quote(sweep.url.appendingPathComponent("sweep.slurm").path)); then: toy sweep --collect \(quote(sweep.url.path))
            #SBATCH --job-name=toy-sweep
            #SBATCH --array=0-\(plan.cells.count - 1)%\(max(1, concurrent))
            #SBATCH --cpus-per-task=\(cpus)
            #SBATCH --output=\(sweep.url.appendingPathComponent("slurm").path)/%A_%a.out
            set -euo pipefail
            TOY="${TOY:-toy}"
            CELLS=(
            \(names)
            )
            "$TOY" sweep --cell "${CELLS[$SLURM_ARRAY_TASK_ID]}" --out \(quote(sweep.url.path)) --threads \(cpus) --quiet

            """
    }
}
