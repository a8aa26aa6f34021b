import Foundation
import Datasets
import Diffusion
import Plotting
import Samplers
import Stats

/// The files of a comparison: every seed's row as CSV and JSON lines; per cell the mean and 95%
/// interval over seeds (summary.csv, and the Markdown and LaTeX tables as `mean ± half-width`); and
/// per dataset a scatter grid (first seed), quality against NFE with error bars (a column per
/// process, so no panel holds more than the samplers of one process), and wall time against NFE.
public struct ComparisonReport {
    public let rows: [ComparisonRow]
    public let plan: ComparisonPlan
    public let summary: [ComparisonSummaryRow]

    public init(rows: [ComparisonRow], plan: ComparisonPlan) {
        self.rows = rows
        self.plan = plan
        summary = summarize(rows)
    }

    /// Points per scatter of the grid figure: plenty at its panel size, and its data file stays small.
    static let gridPoints = 1000

    /// Columns of the tables after the cell's names.
    static let metrics: [ComparisonMetric] = ComparisonMetric.allCases

    /// Whether a dataset holds two runs of one process (runs differing only in their training
    /// seed): then the tables and curves name the run as well.
    var runsShareAProcess: Bool {
        var seen: [String: String] = [:]
        for r in rows {
            let key = "\(r.dataset)/\(r.process.rawValue)"
            if let run = seen[key], run != r.run { return true }
            seen[key] = r.run
        }
        return false
    }

    func budgetText(_ r: ComparisonRow) -> String {
        r.budget.map(String.init) ?? "tol \(String(format: "%.0e", r.odeTolerance ?? 0))"
    }

    /// The table's header: the cell's names, then each metric with which way is better.
    var header: [String] {
        (runsShareAProcess ? ["run"] : []) + ["dataset", "process", "sampler", "budget"] + Self.metrics.map(\.header)
    }

    func cells(_ s: ComparisonSummaryRow) -> [String] {
        let r = s.first
        return (runsShareAProcess ? [r.run] : []) + [r.dataset, r.process.rawValue, r.sampler.rawValue, budgetText(r)]
            + Self.metrics.map { $0.text(s[$0]) }
    }

    /// Data-vs-data rows (one per dataset, over the seeds of its first cell): what "as good as
    /// fresh data" scores.
    var baselines: [ComparisonSummaryRow] {
        var seen: [String] = []
        return summary.filter { s in
            guard !seen.contains(s.first.dataset) else { return false }
            seen.append(s.first.dataset)
            return true
        }
    }

    func baselineCells(_ b: ComparisonSummaryRow) -> [String] {
        (runsShareAProcess ? [""] : []) + [b.first.dataset, "data vs data", "—", "—"]
            + Self.metrics.map { m in b.baselines[m].map { m.text($0) } ?? "—" }
    }

    /// What the tables' `±` means.
    var caption: String {
        plan.seeds.count > 1
            ? "Mean ± half-width of the 95% Student-t interval over \(plan.seeds.count) sampling seeds (\(plan.seeds.map(String.init).joined(separator: ", "))), \(plan.samples) samples each."
            : "One sampling seed (\(plan.seeds[0])), \(plan.samples) samples per cell: no intervals."
    }

    /// Every seed's row.
    public var csv: String {
        var s = "run,seed,dataset,process,sampler,budget,ode_tolerance,steps,nfe,seconds,energy_distance,mmd2,classifier_accuracy,sliced_w2,precision,recall,"
        s += "baseline_energy_distance,baseline_mmd2,baseline_classifier_accuracy,baseline_sliced_w2,baseline_precision,baseline_recall,non_finite\n"
        for r in rows {
            let fields: [String] = [
                r.run, "\(r.seed)", r.dataset, r.process.rawValue, r.sampler.rawValue, r.budget.map(String.init) ?? "",
                r.odeTolerance.map { "\($0)" } ?? "", "\(r.steps)", "\(r.modelEvaluations)", "\(r.seconds)", "\(r.energyDistance)", "\(r.mmd)",
                "\(r.classifierAccuracy)", "\(r.slicedWasserstein)", "\(r.precision)", "\(r.recall)", "\(r.baselineEnergyDistance)",
                "\(r.baselineMMD)", "\(r.baselineClassifierAccuracy)", "\(r.baselineSlicedWasserstein)", "\(r.baselinePrecision)",
                "\(r.baselineRecall)", "\(r.nonFiniteSamples)",
            ]
            s += fields.joined(separator: ",") + "\n"
        }
        return s
    }

    /// Per cell: the number of seeds, and for every metric (and its baseline) the mean and the
    /// 95% half-width (empty from one seed).
    public var summaryCSV: String {
        func pair(_ ci: ConfidenceInterval?) -> [String] {
            guard let ci else { return ["", ""] }
            return ["\(ci.mean)", ci.halfWidth.map { "\($0)" } ?? ""]
        }
        var columns = ["run", "dataset", "process", "sampler", "budget", "ode_tolerance", "steps", "seeds"]
        columns += Self.metrics.flatMap { ["\($0.column)_mean", "\($0.column)_ci95"] }
        columns += ComparisonMetric.quality.flatMap { ["baseline_\($0.column)_mean", "baseline_\($0.column)_ci95"] }
        var s = columns.joined(separator: ",") + "\n"
        for row in summary {
            let r = row.first
            var fields = [
                r.run, r.dataset, r.process.rawValue, r.sampler.rawValue, r.budget.map(String.init) ?? "", r.odeTolerance.map { "\($0)" } ?? "",
                "\(r.steps)", "\(row.seeds.count)",
            ]
            fields += Self.metrics.flatMap { pair(row[$0]) }
            fields += ComparisonMetric.quality.flatMap { pair(row.baselines[$0]) }
            s += fields.joined(separator: ",") + "\n"
        }
        return s
    }

    public var markdown: String {
        var s = "\(caption)\n\n| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in summary { s += "| " + cells(row).joined(separator: " | ") + " |\n" }
        for b in baselines { s += "| " + baselineCells(b).joined(separator: " | ") + " |\n" }
        return s
    }

    public var latex: String {
        func escape(_ t: String) -> String {
            t.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "&", with: "\\&").replacingOccurrences(of: "²", with: "$^2$")
                .replacingOccurrences(of: "+", with: "{+}").replacingOccurrences(of: "↓", with: "$\\downarrow$")
                .replacingOccurrences(of: "↑", with: "$\\uparrow$").replacingOccurrences(of: "→", with: "$\\to$")
                .replacingOccurrences(of: "±", with: "$\\pm$")
        }
        let names = header.count - Self.metrics.count
        var s = "% Written by toy compare; needs \\usepackage{booktabs}. \(caption)\n"
        s += "\\begin{tabular}{" + String(repeating: "l", count: names) + String(repeating: "r", count: Self.metrics.count) + "}\n\\toprule\n"
        s += header.map(escape).joined(separator: " & ") + " \\\\\n\\midrule\n"
        var last = summary.first?.first.dataset
        for row in summary {
            if row.first.dataset != last {
                s += "\\midrule\n"
                last = row.first.dataset
            }
            s += cells(row).map(escape).joined(separator: " & ") + " \\\\\n"
        }
        s += "\\midrule\n"
        for b in baselines { s += baselineCells(b).map(escape).joined(separator: " & ") + " \\\\\n" }
        return s + "\\bottomrule\n\\end{tabular}\n"
    }

    /// The label of a cell's curve: process/sampler, with the run when runs share a process.
    public func curveLabel(_ r: ComparisonRow) -> String { runsShareAProcess ? "\(r.label) (\(r.run))" : r.label }

    /// The figures of one dataset.
    public func figures(dataset: String, data: [SIMD2<Double>]) -> [Figure] {
        let mine = summary.filter { $0.first.dataset == dataset }
        var labels: [String] = []
        for s in mine where !labels.contains(curveLabel(s.first)) { labels.append(curveLabel(s.first)) }
        let budgets = plan.budgets.sorted()
        func caption(_ s: ComparisonSummaryRow) -> String {
            let nfe = Int(s[.nfe].mean.rounded())
            return s.first.odeTolerance.map { String(format: "tol %.0e, NFE %d", $0, nfe) } ?? "NFE \(nfe)"
        }
        func grid(_ s: ComparisonSummaryRow) -> Figures.GridCell { (Array(s.first.samples.prefix(Self.gridPoints)), caption(s)) }
        let gridRows = labels.map { label -> (label: String, cells: [Figures.GridCell?]) in
            let own = mine.filter { curveLabel($0.first) == label }
            let name = label.replacingOccurrences(of: "/", with: "\\n")
            if own.first?.first.sampler == .ode {  // tolerances, loosest first, in the budget columns
                let sorted = own.sorted { ($0.first.odeTolerance ?? 0) > ($1.first.odeTolerance ?? 0) }
                return (name, budgets.indices.map { $0 < sorted.count ? grid(sorted[$0]) : nil })
            }
            return (name, budgets.map { b in own.first { $0.first.budget == b }.map(grid) })
        }
        // One column of panels per process (at most the samplers of one process in a panel); a
        // sampler keeps its colour in every panel.
        let processes = ProcessKind.allCases.filter { p in mine.contains { $0.first.process == p } }
        let samplers = SamplerKind.allCases
        func series(_ process: ProcessKind, _ metric: ComparisonMetric) -> [Figures.Series] {
            labels.compactMap { label in
                let own = mine.filter { curveLabel($0.first) == label && $0.first.process == process }
                guard let first = own.first?.first else { return nil }
                return (
                    runsShareAProcess ? "\(first.sampler.rawValue) (\(first.run))" : first.sampler.rawValue,
                    samplers.firstIndex(of: first.sampler) ?? 0,
                    own.map { Figures.Measurement(x: $0[.nfe].mean, y: $0[metric].mean, halfWidth: $0[metric].halfWidth) }
                )
            }
        }
        let first = mine.first
        func baseline(_ m: ComparisonMetric) -> (mean: Double, halfWidth: Double?)? {
            first?.baselines[m].map { ($0.mean, $0.halfWidth) }
        }
        // Energy distance and MMD² are unbiased, so near convergence they scatter around 0 on the
        // scale of the data-vs-data value: a symmetric log axis, linear within that scale, shows
        // every value with its sign (nothing is clamped).
        let energyScale = max(abs(baseline(.energyDistance)?.mean ?? 0), 1e-6)
        let mmdScale = max(abs(baseline(.mmd)?.mean ?? 0), 1e-7)
        let rowsOfPanels: [(ComparisonMetric, String, AxisScale)] = [
            (.energyDistance, "energy distance ↓", .symmetricLog(energyScale)), (.mmd, "MMD² (fixed bandwidth) ↓", .symmetricLog(mmdScale)),
            (.classifierAccuracy, "classifier accuracy → 0.5", .linear), (.precision, "precision ↑", .linear), (.recall, "recall ↑", .linear),
        ]
        var quality: [Figures.Panel] = []
        for (row, (metric, ylabel, scale)) in rowsOfPanels.enumerated() {
            for p in processes {
                quality.append(
                    Figures.Panel(
                        title: row == 0 ? p.rawValue : nil, ylabel: ylabel, scale: scale, baseline: baseline(metric), series: series(p, metric),
                        key: row == 0))
            }
        }
        let spread = plan.seeds.count > 1 ? "mean and 95% interval over \(plan.seeds.count) seeds" : "one seed"
        return [
            Figures.scatterGrid(
                name: "grid-\(dataset)",
                title: "\(dataset): samples by sampler (rows) and evaluation budget (columns; the ode row by tolerance), seed \(plan.seeds[0])",
                data: Array(data.prefix(Self.gridPoints)), columns: budgets.map { "budget \($0)" }, rows: gridRows),
            Figures.curves(
                name: "quality-\(dataset)", title: "\(dataset): sample quality against model evaluations (\(plan.samples) samples, \(spread))",
                xlabel: "model evaluations (NFE)", columns: processes.count, panels: quality),
            Figures.curves(
                name: "time-\(dataset)", title: "\(dataset): wall time of sampling \(plan.samples) points (\(spread))",
                xlabel: "model evaluations (NFE)", columns: processes.count,
                panels: processes.map {
                    Figures.Panel(title: $0.rawValue, ylabel: "seconds", scale: .log, series: series($0, .seconds), keyCorner: "top left")
                }),
        ]
    }

    /// Writes everything into `folder`; renders figures when gnuplot is there.
    public func write(to folder: URL, format: FigureFormat, data: [String: [SIMD2<Double>]]) throws -> String? {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileFormats.write(Data(csv.utf8), to: folder.appendingPathComponent("results.csv"))
        try FileFormats.write(Data(summaryCSV.utf8), to: folder.appendingPathComponent("summary.csv"))
        try FileFormats.write(Data(markdown.utf8), to: folder.appendingPathComponent("results.md"))
        try FileFormats.write(Data(latex.utf8), to: folder.appendingPathComponent("results.tex"))
        let lines = try rows.map { String(decoding: try FileFormats.json($0, compact: true), as: UTF8.self) }.joined(separator: "\n") + "\n"
        try FileFormats.write(Data(lines.utf8), to: folder.appendingPathComponent("results.jsonl"))
        try FileFormats.write(try FileFormats.json(plan.relative(to: folder)), to: folder.appendingPathComponent("plan.json"))
        var figures: [Figure] = []
        for (dataset, points) in data.sorted(by: { $0.key < $1.key }) { figures += self.figures(dataset: dataset, data: points) }
        var notice: String? = nil
        let gnuplot: Gnuplot?
        do { gnuplot = try Gnuplot() } catch {
            gnuplot = nil
            notice = "\(error)"
        }
        for f in figures { try f.write(to: folder, format: format, gnuplot: gnuplot) }
        return notice
    }
}
