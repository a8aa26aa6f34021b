import Foundation
import Runs
import Stats
import Testing

@Suite(.serialized) struct SweepTests {
    @Test func seedsAndAxesParse() throws {
        #expect(try SweepPlan.seeds("0-4") == [0, 1, 2, 3, 4])
        #expect(try SweepPlan.seeds("0,3,7") == [0, 3, 7])
        #expect(try SweepPlan.seeds("0-1,9") == [0, 1, 9])
        #expect(throws: RunError.self) { try SweepPlan.seeds("4-1") }
        #expect(throws: RunError.self) { try SweepPlan.seeds("1,1") }
        let axis = try SweepPlan.Axis(parsing: "training.steps=2000,5000")
        #expect(axis == SweepPlan.Axis(key: "training.steps", values: ["2000", "5000"]))
        #expect(throws: RunError.self) { try SweepPlan.Axis(parsing: "steps=1") }
    }

    /// The grid is axes × seeds, each cell's configuration is the base with its values, and a
    /// misspelt key or a wrong type is refused when planning.
    @Test func planIsTheGridOfAxesAndSeeds() throws {
        let base = tinyConfiguration()
        let plan = try SweepPlan(
            base: base,
            axes: [.init(key: "training.steps", values: ["20", "40"]), .init(key: "sampling.sampler", values: ["ddpm", "ddim"])],
            seeds: [0, 1, 2])
        #expect(plan.cells.count == 12)
        #expect(Set(plan.cells.map(\.name)).count == 12)
        let cell = try #require(plan.cells.first { $0.values["training.steps"] == "40" && $0.values["sampling.sampler"] == "ddim" && $0.seed == 2 })
        var expected = base
        expected.training.steps = 40
        expected.sampling.sampler = .ddim
        expected.seed = 2
        #expect(try plan.configuration(of: cell) == expected)
        #expect { try SweepPlan(base: base, axes: [.init(key: "training.stepz", values: ["1"])], seeds: [0]) } throws: {
            "\($0)".contains("training.stepz") && "\($0)".contains("batchSize")
        }
        #expect { try SweepPlan(base: base, axes: [.init(key: "training.steps", values: ["many"])], seeds: [0]) } throws: {
            "\($0)".contains("training.steps") && "\($0)".contains("Int")
        }
    }

    /// Cells run (here, in process), a rerun skips finished cells, and the aggregate is the mean
    /// and Student-t interval of the cells' own metrics.
    @Test func cellsRunResumeAndAggregate() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = SweepDirectory(folder)
        let plan = try SweepPlan(base: tinyConfiguration(), axes: [.init(key: "sampling.sampler", values: ["ddpm", "ddim"])], seeds: [0, 1, 2])
        try sweep.write(plan)
        for cell in plan.cells { #expect(try sweep.runCell(cell.name, log: { _ in }) == .pending) }
        for cell in plan.cells { #expect(try sweep.runCell(cell.name, log: { _ in }) == .complete) }  // nothing left to do
        // A different plan in the same folder is refused.
        #expect(throws: RunError.self) { try sweep.write(SweepPlan(base: tinyConfiguration(), axes: [], seeds: [5])) }
        let tables = try SweepTables(sweep)
        #expect(tables.rows.count == 6 && tables.missing.isEmpty)
        let ddim = tables.rows.filter { $0.values["sampling.sampler"] == "ddim" }.compactMap { $0.numbers["energyDistance"] }
        #expect(ddim.count == 3)
        let group = try #require(tables.groups.first { $0.values == ["ddim"] })
        let ci = try #require(group.intervals["energyDistance"])
        let mean = ddim.reduce(0, +) / 3
        let sd = (ddim.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()
        #expect(abs(ci.mean - mean) < 1e-12)
        #expect(abs(ci.halfWidth! - 4.302653 * sd / 3.0.squareRoot()) < 1e-5 * max(1, ci.halfWidth!))  // t_{0.975, 2} = 4.302653
        #expect(tables.resultsCSV.split(separator: "\n").count == 7)
        #expect(tables.aggregateLaTeX.contains("\\toprule") && tables.aggregateLaTeX.contains("$\\pm$"))
        // Each cell's samples equal those of a plain run of its configuration.
        let cell = plan.cells[3]
        let plain = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: plain) }
        _ = try quietRun(plain).start(try plan.configuration(of: cell), force: false)
        #expect(try Data(contentsOf: sweep.run(cell.name).samplesCSV) == Data(contentsOf: RunDirectory(plain).samplesCSV))
    }
}
