import ArgumentParser
import Datasets
import Diffusion
import ImageData
import Runs
import Samplers

/// `toy list`: every dataset (with its tuned defaults), schedule and sampler.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List datasets, schedules, processes and samplers (with the processes each fits).")

    func run() throws {
        print("Datasets (toy run NAME; tuned defaults in brackets):")
        let w = ToyDataset.allCases.map(\.rawValue.count).max()!
        for d in ToyDataset.allCases {
            let t = DatasetDefaults.forDataset(d)
            print("  \(d.rawValue.padding(toLength: w, withPad: " ", startingAt: 0))  \(d.summary); \(d.classes) classes")
            print(
                "  \(String(repeating: " ", count: w))  [--train-steps \(t.trainSteps) --batch-size \(t.batchSize) --lr \(t.lr) --ema-decay \(t.emaDecay) --width \(t.width) --depth \(t.depth) --timesteps \(t.timesteps) --schedule \(t.schedule.rawValue) --sample-steps \(t.sampleSteps) --variance \(t.variance.rawValue) --input-scale \(t.inputScale) --process \(t.process.rawValue) --sampler \(t.sampler.rawValue)]"
            )
        }
        print("\nImage datasets (toy run NAME trains a U-Net; read from files, --data-dir to read another folder):")
        let iw = ImageDatasetKind.allCases.map(\.rawValue.count).max()!
        for d in ImageDatasetKind.allCases {
            let dir = d.defaultDirectory
            let missing = ImageSplit.allCases.flatMap { d.missingFiles($0, in: dir) }
            let shape = d.imageShape.map(String.init).joined(separator: "×")
            print("  \(d.rawValue.padding(toLength: iw, withPad: " ", startingAt: 0))  \(d.size(.train)) + \(d.size(.test)) images of \(shape), \(d.classNames.count) classes")
            print("  \(String(repeating: " ", count: iw))  \(dir): \(missing.isEmpty ? "present" : "missing \(missing.joined(separator: ", "))")")
            let t = DatasetDefaults.forImages(d)
            if let u = t.unet {
                print(
                    "  \(String(repeating: " ", count: iw))  [--train-steps \(t.trainSteps) --batch-size \(t.batchSize) --lr \(t.lr) --warmup-steps \(t.warmupSteps) --ema-decay \(t.emaDecay) --channels \(u.baseChannels) --channel-multipliers \(u.multipliers.map(String.init).joined(separator: ",")) --res-blocks \(u.blocksPerLevel) --attention-resolutions \(u.attentionResolutions.map(String.init).joined(separator: ",")) --timesteps \(t.timesteps) --schedule \(t.schedule.rawValue) --process \(t.process.rawValue) --sampler \(t.sampler.rawValue) --sample-steps \(t.sampleSteps) --clip \(t.clip ?? 0) --samples \(t.samples)]"
                )
            }
        }
        print("\nSchedules (--schedule):")
        for s in ScheduleKind.allCases { print("  \(s.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(s.summary)") }
        print("\nProcesses (--process):")
        for p in ProcessKind.allCases { print("  \(p.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0))  \(p.summary)") }
        print("\nSamplers (--sampler) and the processes each applies to:")
        for s in SamplerKind.allCases {
            print("  \(s.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0))  \(s.summary)")
            print("  \(String(repeating: " ", count: 18))  --process \(s.processes.map(\.rawValue).joined(separator: "|"))")
        }
    }
}
