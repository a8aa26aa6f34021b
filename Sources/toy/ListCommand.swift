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
        // Each default printed once: the shared values first, then each dataset's differences.
        func pairs2D(_ t: DatasetDefaults) -> [(String, String)] {
            [("--train-steps", "\(t.trainSteps)"), ("--batch-size", "\(t.batchSize)"), ("--lr", "\(t.lr)"), ("--ema-decay", "\(t.emaDecay)"),
             ("--width", "\(t.width)"), ("--depth", "\(t.depth)"), ("--timesteps", "\(t.timesteps)"), ("--schedule", t.schedule.rawValue),
             ("--sample-steps", "\(t.sampleSteps)"), ("--variance", t.variance.rawValue), ("--input-scale", "\(t.inputScale)"),
             ("--process", t.process.rawValue), ("--sampler", t.sampler.rawValue)]
        }
        func pairsImages(_ t: DatasetDefaults) -> [(String, String)] {
            guard let u = t.unet else { return [] }
            return [("--train-steps", "\(t.trainSteps)"), ("--batch-size", "\(t.batchSize)"), ("--lr", "\(t.lr)"), ("--warmup-steps", "\(t.warmupSteps)"),
             ("--ema-decay", "\(t.emaDecay)"), ("--channels", "\(u.baseChannels)"), ("--channel-multipliers", u.multipliers.map(String.init).joined(separator: ",")),
             ("--res-blocks", "\(u.blocksPerLevel)"), ("--attention-resolutions", u.attentionResolutions.map(String.init).joined(separator: ",")),
             ("--timesteps", "\(t.timesteps)"), ("--schedule", t.schedule.rawValue), ("--process", t.process.rawValue), ("--sampler", t.sampler.rawValue),
             ("--sample-steps", "\(t.sampleSteps)"), ("--clip", "\(t.clip ?? 0)"), ("--samples", "\(t.samples)")]
        }
        /// The value most datasets take for each flag (the default), and each dataset's departures from it.
        func split(_ all: [[(String, String)]]) -> (common: [(String, String)], own: [[(String, String)]]) {
            let common = all[0].indices.map { k -> (String, String) in
                let values = all.map { $0[k].1 }
                let mode = values.max { a, b in values.filter { $0 == a }.count < values.filter { $0 == b }.count }!
                return (all[0][k].0, mode)
            }
            return (common, all.map { $0.filter { pair in !common.contains { $0 == pair } } })
        }
        func text(_ pairs: [(String, String)]) -> String { pairs.map { "\($0.0) \($0.1)" }.joined(separator: " ") }
        let toy = split(ToyDataset.allCases.map { pairs2D(DatasetDefaults.forDataset($0)) })
        print("Datasets (toy run NAME). 2-D defaults: \(text(toy.common)); a dataset's own values in brackets:")
        let w = ToyDataset.allCases.map(\.rawValue.count).max()!
        for (d, own) in zip(ToyDataset.allCases, toy.own) {
            print("  \(d.rawValue.padding(toLength: w, withPad: " ", startingAt: 0))  \(d.summary); \(d.classes) classes" + (own.isEmpty ? "" : "  [\(text(own))]"))
        }
        let images = split(ImageDatasetKind.allCases.map { pairsImages(DatasetDefaults.forImages($0)) })
        print("\nImage datasets (toy run NAME trains a U-Net; read from files, --data-dir to read another folder).")
        print("Image defaults: \(text(images.common)); a dataset's own values in brackets:")
        let iw = ImageDatasetKind.allCases.map(\.rawValue.count).max()!
        for (d, own) in zip(ImageDatasetKind.allCases, images.own) {
            let dir = d.defaultDirectory
            let missing = ImageSplit.allCases.flatMap { d.missingFiles($0, in: dir) }
            let shape = d.imageShape.map(String.init).joined(separator: "×")
            print("  \(d.rawValue.padding(toLength: iw, withPad: " ", startingAt: 0))  \(d.size(.train)) + \(d.size(.test)) images of \(shape), \(d.classNames.count) classes" + (own.isEmpty ? "" : "  [\(text(own))]"))
            print("  \(String(repeating: " ", count: iw))  \(dir): \(missing.isEmpty ? "present" : "missing \(missing.joined(separator: ", "))")")
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
