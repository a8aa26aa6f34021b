import Foundation
import Samplers
import Stats
import Runs
import Testing

@Suite struct ComparisonSummaryTests {
    /// A row of a comparison with chosen accuracy and energy (the other metrics fixed), read as
    /// results.jsonl holds it.
    func row(run: String, seed: UInt64, budget: Int = 10, accuracy: Double, energy: Double) -> ComparisonRow {
        let fields: [String: Any] = [
            "run": run, "seed": seed, "dataset": "moons", "process": "vp", "sampler": "ddim", "budget": budget, "steps": budget,
            "modelEvaluations": budget, "seconds": 0.5, "energyDistance": energy, "mmd": 0.001, "classifierAccuracy": accuracy,
            "slicedWasserstein": 0.1, "precision": 0.9, "recall": 0.95, "baselineEnergyDistance": -0.001 * Double(seed), "baselineMMD": 0.0,
            "baselineClassifierAccuracy": 0.5, "baselineSlicedWasserstein": 0.05, "baselinePrecision": 0.97, "baselineRecall": 0.97,
            "nonFiniteSamples": 0,
        ]
        return try! JSONDecoder().decode(ComparisonRow.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    /// Three seeds of one cell give the Student-t interval computed by hand: mean 0.6, sample
    /// standard deviation 0.03, t(0.975, 2) = 4.302653 (tables), half-width 4.302653 · 0.03 / √3.
    @Test func aCellOverSeedsIsItsMeanAndStudentInterval() throws {
        let rows = [0.57, 0.60, 0.63].enumerated().map { row(run: "a", seed: UInt64($0.offset), accuracy: $0.element, energy: 0.01) }
        let summary = summarize(rows)
        #expect(summary.count == 1)
        let ci = summary[0][.classifierAccuracy]
        #expect(abs(ci.mean - 0.6) < 1e-12)
        #expect(abs(ci.halfWidth! - 4.302653 * 0.03 / 3.0.squareRoot()) < 1e-5)
        #expect(summary[0].seeds == [0, 1, 2])
        // The baseline is averaged over the same seeds: -0.000, -0.001, -0.002.
        #expect(abs(summary[0].baselines[.energyDistance]!.mean + 0.001) < 1e-12)
        let plan = ComparisonPlan(runs: [ComparisonRun(folder: "a")], budgets: [10], odeTolerances: [], samples: 100, seeds: [0, 1, 2])
        let report = ComparisonReport(rows: rows, plan: plan)
        #expect(report.markdown.contains("0.600 ± 0.075"))  // 4.302653 · 0.03 / √3 = 0.0745
        #expect(report.markdown.contains("over 3 sampling seeds"))
        #expect(!report.markdown.contains("| run |"))
        #expect(report.csv.split(separator: "\n").count == 4)  // every seed's row is kept
        #expect(report.summaryCSV.split(separator: "\n").count == 2)
    }

    /// Two runs that differ only in their training seed stay two rows, with a run column, and
    /// two cells of one run are not pooled.
    @Test func runsDifferingOnlyInSeedStayApart() {
        let rows = [
            row(run: "seed-0", seed: 0, accuracy: 0.6, energy: 0.01), row(run: "seed-0", seed: 1, accuracy: 0.62, energy: 0.01),
            row(run: "seed-1", seed: 0, accuracy: 0.7, energy: 0.02), row(run: "seed-1", seed: 1, accuracy: 0.72, energy: 0.02),
            row(run: "seed-1", seed: 0, budget: 20, accuracy: 0.55, energy: 0.0),
        ]
        let summary = summarize(rows)
        #expect(summary.map(\.first.run) == ["seed-0", "seed-1", "seed-1"])
        #expect(summary.map { $0[.classifierAccuracy].mean } == [0.61, 0.71, 0.55])
        #expect(summary[2][.classifierAccuracy].halfWidth == nil)  // one seed: no interval
        let plan = ComparisonPlan(runs: [], budgets: [10, 20], odeTolerances: [], samples: 100, seeds: [0, 1])
        let report = ComparisonReport(rows: rows, plan: plan)
        #expect(report.markdown.contains("| run | dataset |"))
        #expect(report.markdown.contains("| seed-1 | moons | vp | ddim | 10 |"))
        #expect(report.curveLabel(rows[2]) == "vp/ddim (seed-1)")
    }

    /// The plan written beside the results names its runs relative to that folder.
    @Test func planPathsAreRelative() {
        let plan = ComparisonPlan(
            runs: [ComparisonRun(folder: "/work/x/Plots/cmp/models/runs/a"), ComparisonRun(folder: "/work/x/runs/b")], budgets: [10],
            odeTolerances: [], samples: 100, seeds: [0])
        let relative = plan.relative(to: URL(fileURLWithPath: "/work/x/Plots/cmp"))
        #expect(relative.runs.map(\.folder) == ["models/runs/a", "../../runs/b"])
        #expect(FileFormats.relativePath(of: URL(fileURLWithPath: "/a/b"), from: URL(fileURLWithPath: "/a/b")) == ".")
    }

    @Test func seedsMustBeDistinct() {
        let plan = ComparisonPlan(runs: [ComparisonRun(folder: "a")], budgets: [10], odeTolerances: [], samples: 100, seeds: [1, 1])
        #expect(throws: RunError.self) { try plan.validate() }
    }
}
