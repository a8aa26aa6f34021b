import Foundation
import Datasets
import Diffusion
import Plotting
import Samplers

/// The files of a comparison: the results table as CSV, Markdown and LaTeX (booktabs), the rows
/// as JSON lines, and per dataset a scatter grid, quality against NFE and wall time against NFE.
public struct ComparisonReport {
    public let rows: [ComparisonRow]
    public let plan: ComparisonPlan

    public init(rows: [ComparisonRow], plan: ComparisonPlan) {
        self.rows = rows
        self.plan = plan
    }

    /// Points per scatter of the grid figure: plenty at its panel size, and its data file stays small.
    static let gridPoints = 1000

    /// Column names, each with which way is better: ↓ lower, ↑ higher, → 0.5 (chance) for the classifier.
    static let header = [
        "dataset", "process", "sampler", "budget", "NFE", "seconds", "energy ↓", "MMD² ↓", "C2ST acc → 0.5", "SW2 ↓", "precision ↑", "recall ↑",
    ]

    func cells(_ r: ComparisonRow) -> [String] {
        [
            r.dataset, r.process.rawValue, r.sampler.rawValue, r.budget.map(String.init) ?? "tol \(String(format: "%.0e", r.odeTolerance ?? 0))",
            "\(r.modelEvaluations)", String(format: "%.2f", r.seconds), String(format: "%.4f", r.energyDistance), String(format: "%.5f", r.mmd),
            String(format: "%.3f", r.classifierAccuracy), String(format: "%.3f", r.slicedWasserstein), String(format: "%.3f", r.precision),
            String(format: "%.3f", r.recall),
        ]
    }

    /// Data-vs-data rows (one per dataset): what "as good as fresh data" scores.
    var baselines: [ComparisonRow] {
        var seen: [String] = []
        return rows.filter { r in
            guard !seen.contains(r.dataset) else { return false }
            seen.append(r.dataset)
            return true
        }
    }

    /// The data-vs-data cells of a dataset's first row, in the table's metric columns.
    func baselineCells(_ b: ComparisonRow) -> [String] {
        [
            String(format: "%.4f", b.baselineEnergyDistance), String(format: "%.5f", b.baselineMMD), String(format: "%.3f", b.baselineClassifierAccuracy),
            String(format: "%.3f", b.baselineSlicedWasserstein), String(format: "%.3f", b.baselinePrecision), String(format: "%.3f", b.baselineRecall),
        ]
    }

    public var csv: String {
        var s = "dataset,process,sampler,budget,ode_tolerance,steps,nfe,seconds,energy_distance,mmd2,classifier_accuracy,sliced_w2,precision,recall,"
        s += "baseline_energy_distance,baseline_mmd2,baseline_classifier_accuracy,baseline_sliced_w2,baseline_precision,baseline_recall,non_finite\n"
        for r in rows {
            let fields: [String] = [
                r.dataset, r.process.rawValue, r.sampler.rawValue, r.budget.map(String.init) ?? "", r.odeTolerance.map { "\($0)" } ?? "", "\(r.steps)",
                "\(r.modelEvaluations)", "\(r.seconds)", "\(r.energyDistance)", "\(r.mmd)", "\(r.classifierAccuracy)", "\(r.slicedWasserstein)",
                "\(r.precision)", "\(r.recall)", "\(r.baselineEnergyDistance)", "\(r.baselineMMD)", "\(r.baselineClassifierAccuracy)",
                "\(r.baselineSlicedWasserstein)", "\(r.baselinePrecision)", "\(r.baselineRecall)", "\(r.nonFiniteSamples)",
            ]
            s += fields.joined(separator: ",") + "\n"
        }
        return s
    }

    public var markdown: String {
        var s = "| " + Self.header.joined(separator: " | ") + " |\n|" + Self.header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for r in rows { s += "| " + cells(r).joined(separator: " | ") + " |\n" }
        for b in baselines { s += "| \(b.dataset) | data vs data | — | — | — | — | " + baselineCells(b).joined(separator: " | ") + " |\n" }
        return s
    }

    public var latex: String {
        func escape(_ t: String) -> String {
            t.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "&", with: "\\&").replacingOccurrences(of: "²", with: "$^2$")
                .replacingOccurrences(of: "+", with: "{+}").replacingOccurrences(of: "↓", with: "$\\downarrow$")
                .replacingOccurrences(of: "↑", with: "$\\uparrow$").replacingOccurrences(of: "→", with: "$\\to$")
        }
        var s = "% Written by toy compare; needs \\usepackage{booktabs}.\n\\begin{tabular}{lllrrrrrrrrr}\n\\toprule\n"
        s += Self.header.map(escape).joined(separator: " & ") + " \\\\\n\\midrule\n"
        var last = rows.first?.dataset
        for r in rows {
            if r.dataset != last {
                s += "\\midrule\n"
                last = r.dataset
            }
            s += cells(r).map(escape).joined(separator: " & ") + " \\\\\n"
        }
        s += "\\midrule\n"
        for b in baselines { s += "\(escape(b.dataset)) & data vs data & & & & & " + baselineCells(b).joined(separator: " & ") + " \\\\\n" }
        return s + "\\bottomrule\n\\end{tabular}\n"
    }

    /// The figures of one dataset.
    public func figures(dataset: String, data: [SIMD2<Double>]) -> [Figure] {
        let mine = rows.filter { $0.dataset == dataset }
        var labels: [String] = []
        for r in mine where !labels.contains(r.label) { labels.append(r.label) }
        let budgets = plan.budgets.sorted()
        let gridRows = labels.map { label -> (label: String, cells: [[SIMD2<Double>]?]) in
            let own = mine.filter { $0.label == label }
            if own.first?.sampler == .ode {  // tolerances, loosest first, in the budget columns
                let sorted = own.sorted { ($0.odeTolerance ?? 0) > ($1.odeTolerance ?? 0) }
                return (label, budgets.indices.map { $0 < sorted.count ? Array(sorted[$0].samples.prefix(Self.gridPoints)) : nil })
            }
            return (label, budgets.map { b in own.first { $0.budget == b }.map { Array($0.samples.prefix(Self.gridPoints)) } })
        }
        let baseline = mine.first
        let samplers = SamplerKind.allCases, processes = ProcessKind.allCases
        func series(_ value: (ComparisonRow) -> Double) -> [Figures.Series] {
            labels.map { label in
                let own = mine.filter { $0.label == label }
                return (
                    label, samplers.firstIndex(of: own[0].sampler) ?? 0, processes.firstIndex(of: own[0].process) ?? 0,
                    own.map { SIMD2(Double($0.modelEvaluations), value($0)) }
                )
            }
        }
        // Energy distance and MMD² are unbiased, so near convergence they scatter around 0 on the
        // scale of the data-vs-data value: a symmetric log axis, linear within that scale, shows
        // every value with its sign (nothing is clamped).
        let energyScale = max(abs(baseline?.baselineEnergyDistance ?? 0), 1e-6)
        let mmdScale = max(abs(baseline?.baselineMMD ?? 0), 1e-7)
        return [
            Figures.scatterGrid(
                name: "grid-\(dataset)",
                title:
                    "\(dataset): samples by sampler (rows) and evaluation budget (columns; ode: tolerances \(plan.odeTolerances.map { String(format: "%.0e", $0) }.joined(separator: ", ")))",
                data: Array(data.prefix(Self.gridPoints)), columns: budgets.map { "NFE \($0)" }, rows: gridRows),
            Figures.curves(
                name: "quality-\(dataset)", title: "\(dataset): sample quality against model evaluations (\(plan.samples) samples)",
                xlabel: "model evaluations (NFE)",
                panels: [
                    ("energy distance", .symmetricLog(energyScale), baseline?.baselineEnergyDistance, series(\.energyDistance)),
                    ("MMD² (fixed bandwidth)", .symmetricLog(mmdScale), baseline?.baselineMMD, series(\.mmd)),
                    ("classifier two-sample accuracy", .linear, baseline?.baselineClassifierAccuracy, series(\.classifierAccuracy)),
                ]),
            Figures.curves(
                name: "time-\(dataset)", title: "\(dataset): wall time of sampling \(plan.samples) points", xlabel: "model evaluations (NFE)",
                panels: [("seconds", .log, nil, series(\.seconds))]),
        ]
    }

    /// Writes everything into `folder`; renders figures when gnuplot is there.
    public func write(to folder: URL, format: FigureFormat, data: [String: [SIMD2<Double>]]) throws -> String? {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileFormats.write(Data(csv.utf8), to: folder.appendingPathComponent("results.csv"))
        try FileFormats.write(Data(markdown.utf8), to: folder.appendingPathComponent("results.md"))
        try FileFormats.write(Data(latex.utf8), to: folder.appendingPathComponent("results.tex"))
        let lines = try rows.map { String(decoding: try FileFormats.json($0, compact: true), as: UTF8.self) }.joined(separator: "\n") + "\n"
        try FileFormats.write(Data(lines.utf8), to: folder.appendingPathComponent("results.jsonl"))
        try FileFormats.write(try FileFormats.json(plan), to: folder.appendingPathComponent("plan.json"))
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
