import ArgumentParser
import Datasets
import Diffusion
import Runs
import Samplers

/// `toy list`: every dataset (with its tuned defaults), schedule and sampler.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List datasets, schedules and samplers.")

    func run() throws {
        print("Datasets (toy run NAME; tuned defaults in brackets):")
        let w = ToyDataset.allCases.map(\.rawValue.count).max()!
        for d in ToyDataset.allCases {
            let t = DatasetDefaults.forDataset(d)
            print("  \(d.rawValue.padding(toLength: w, withPad: " ", startingAt: 0))  \(d.summary)")
            print(
                "  \(String(repeating: " ", count: w))  [--train-steps \(t.trainSteps) --batch-size \(t.batchSize) --lr \(t.lr) --width \(t.width) --depth \(t.depth) --timesteps \(t.timesteps) --schedule \(t.schedule.rawValue) --sample-steps \(t.sampleSteps) --variance \(t.variance.rawValue) --input-scale \(t.inputScale)]"
            )
        }
        print("\nSchedules (--schedule):")
        for s in ScheduleKind.allCases { print("  \(s.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(s.summary)") }
        print("\nSamplers (--sampler):")
        for s in SamplerKind.allCases { print("  \(s.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(s.summary)") }
    }
}
