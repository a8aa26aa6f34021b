import Foundation
import Runs
import Stats

/// The short results table `toy run` prints, and where every file went.
enum Report {
    static func text(_ r: RunRecord, directory: RunDirectory) -> String {
        let c = r.configuration
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        func pair(_ v: [Double]) -> String { "(\(f(v[0])), \(f(v[1])))" }
        var lines = ["", "toy run \(c.data.name) — seed \(c.seed), \(c.threads) thread(s), toy \(r.toolkit.version)"]
        if c.data.images != nil { return imageText(r, directory: directory, header: lines) }
        if let t = r.timings, let res = r.results {
            if c.model.kind == .exact {
                lines.append("  model      the exact denoiser of the \(c.data.name) mixture (no training)")
            } else {
                lines.append(
                    "  training   \(res.trainedSteps) steps, batch \(c.training.batchSize): \(f(t.trainingSeconds, 1)) s (\(f(t.stepsPerSecond, 0)) steps/s), final loss \(res.finalLoss.map { f($0, 4) } ?? "n/a")"
                )
            }
            let how = c.sampling.sampler == .ode ? "\(c.sampling.odeMethod.rawValue) at tolerance \(c.sampling.odeTolerance)" : "\(c.sampling.steps) steps"
            lines.append(
                "  sampling   \(c.sampling.samples) points, \(c.sampling.sampler.rawValue) with \(how) (\(res.modelEvaluations) model evaluations): \(f(t.samplingSeconds, 1)) s"
            )
            lines.append("")
            lines.append("               mean (x, y)        std (x, y)")
            lines.append("  data       \(pair(res.dataMean))   \(pair(res.dataStd))")
            lines.append("  samples    \(pair(res.sampleMean))   \(pair(res.sampleStd))")
            lines.append("  non-finite samples: \(res.nonFiniteSamples)")
        }
        if let data = try? Data(contentsOf: directory.metrics),
            let evaluation = try? JSONDecoder().decode(QualityEvaluation.self, from: data)
        {
            lines.append("")
            lines.append("quality against \(evaluation.reference):")
            lines.append(evaluation.table)
        }
        lines.append("")
        lines.append("files in \(directory.url.path):")
        let notes: [(URL, String)] = [
            (directory.config, "resolved configuration, seed, version, timings"),
            (directory.samplesCSV, "samples (x,y)"), (directory.samplesNPY, "samples, float32 [n, 2] for numpy"),
            (directory.dataCSV, "the training draw"), (directory.lossCSV, "loss per step"),
            (directory.model, "EMA weights (safetensors)"), (directory.checkpoint, "resume state (optimizer, RNG, step)"),
            (directory.trajectoryCSV, "x_t along the reverse process"),
            (directory.metrics, "sample-quality metrics with the data-vs-data baseline"),
        ]
        for (url, note) in notes where FileManager.default.fileExists(atPath: url.path) {
            lines.append("  \(url.lastPathComponent.padding(toLength: 24, withPad: " ", startingAt: 0)) \(note)")
        }
        return lines.joined(separator: "\n")
    }

    /// The summary of an image run: training, sampling, the metrics table, the files.
    static func imageText(_ r: RunRecord, directory: RunDirectory, header: [String]) -> String {
        let c = r.configuration
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        var lines = header
        if let t = r.timings, let res = r.results, let u = c.model.unetArchitecture(classes: 0) {
            lines.append(
                "  model      U-Net, channels \(u.baseChannels)·[\(u.multipliers.map(String.init).joined(separator: ", "))], \(u.blocksPerLevel) blocks per level, attention at \(u.attentionResolutions.map(String.init).joined(separator: ", "))\(c.model.conditional ? ", conditional" : "")"
            )
            lines.append(
                "  training   \(res.trainedSteps) steps, batch \(c.training.batchSize): \(f(t.trainingSeconds, 1)) s (\(f(t.stepsPerSecond, 2)) steps/s), final loss \(res.finalLoss.map { f($0, 4) } ?? "n/a")"
            )
            lines.append(
                "  sampling   \(c.sampling.samples) images, \(c.sampling.sampler.rawValue) with \(c.sampling.steps) steps (\(res.modelEvaluations) model evaluations): \(f(t.samplingSeconds, 1)) s"
            )
            lines.append("  pixels     mean \(res.sampleMean.map { f($0) }.joined(separator: " ")) (data \(res.dataMean.map { f($0) }.joined(separator: " "))), std \(res.sampleStd.map { f($0) }.joined(separator: " ")) (data \(res.dataStd.map { f($0) }.joined(separator: " ")))")
            lines.append("  non-finite samples: \(res.nonFiniteSamples); final pixels clipped into [0, 1]: \(res.clippedPixels ?? 0)")
        }
        if let data = try? Data(contentsOf: directory.metrics), let evaluation = try? JSONDecoder().decode(ImageEvaluation.self, from: data) {
            lines += ["", "quality against \(evaluation.reference):", evaluation.table]
        }
        lines += ["", "files in \(directory.url.path):"]
        let notes: [(URL, String)] = [
            (directory.config, "resolved configuration, seed, version, timings"),
            (directory.samplesNPY, "samples, float32 [n, C, H, W] in [0, 1] for numpy"),
            (directory.lossCSV, "loss per step"), (directory.model, "EMA weights (safetensors)"),
            (directory.checkpoint, "resume state (optimizer, RNG, step)"),
            (directory.metrics, "image metrics with the real-image baseline"),
        ]
        for (url, note) in notes where FileManager.default.fileExists(atPath: url.path) {
            lines.append("  \(url.lastPathComponent.padding(toLength: 24, withPad: " ", startingAt: 0)) \(note)")
        }
        let plots = directory.url.appendingPathComponent("plots")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: plots.path) {
            let images = names.filter { !$0.hasSuffix(".dat") && !$0.hasSuffix(".gp") }.sorted()
            lines.append("  plots/                   \(images.joined(separator: ", ")) (each with its .gp script and .dat data)")
        }
        return lines.joined(separator: "\n")
    }
}
