import Diffusion
import Engine
import Foundation
import NN
import Training

extension ToyRun {
    /// Writes config.json.
    /// Non-finite results are written as null and said so.
    func writeRecord(_ record: RunRecord) throws {
        if let results = record.results, FileFormats.holdsNonFinite(results) {
            log("some results are not finite (NaN or infinite; null in config.json): \(results.nonFiniteSamples) non-finite samples of \(record.configuration.sampling.samples)")
        }
        try FileFormats.write(try FileFormats.json(record), to: directory.config)
    }

    /// Writes the resumable checkpoint and the loss log.
    func saveCheckpoint<Network: Denoiser>(_ session: TrainingSession<Network>, configuration: RunConfiguration) throws {
        try session.checkpoint(metadata: try configuration.checkpointMetadata()).write(to: directory.checkpoint)
        let rows = session.losses.enumerated().map { [Double($0.offset + 1), Double($0.element)] }
        try FileFormats.write(FileFormats.table(header: ["step", "loss"], rows: rows), to: directory.lossCSV)
    }

    /// Loads the folder's checkpoint into `session` for a resume, and says where it resumes.
    func restoreCheckpoint<Network: Denoiser>(_ session: TrainingSession<Network>, of configuration: RunConfiguration) throws {
        let file = directory.checkpoint
        try session.restore(try Safetensors(contentsOf: file), file: file.path)
        guard session.step <= configuration.training.steps else {
            throw RunError.invalid(
                "--train-steps \(configuration.training.steps) is below the step the checkpoint reached (\(session.step)); give at least \(session.step).")
        }
        log("resuming \(directory.url.path) at step \(session.step) of \(configuration.training.steps)")
    }

    /// The training phase every run shares (2-D MLP or image U-Net): steps to
    /// `configuration.training.steps` with a checkpoint every `checkpointEvery` steps and at the
    /// end; Ctrl-C saves a checkpoint and stops as `interrupted`; a non-finite loss stops as
    /// `diverged` with the last good checkpoint kept. Returns the step it started from and the
    /// seconds it took.
    func train<Network: Denoiser>(
        _ session: TrainingSession<Network>, configuration c: RunConfiguration, record: inout RunRecord
    ) throws -> (firstStep: Int, seconds: Double) {
        Threads.set(c.threads)
        if let warning = (session.process as? DiscreteDDPM)?.priorWarning { log(warning) }
        try writeRecord(record)
        Interrupt.install()
        let firstStep = session.step
        var lastCheckpoint: Int? = FileManager.default.fileExists(atPath: directory.checkpoint.path) ? firstStep : nil
        let progress = Progress(label: "train", total: c.training.steps, quiet: quiet)
        let trainStart = Date()
        let trainSteps = c.model.kind == .exact ? 0 : c.training.steps  // an exact model needs no training
        while session.step < trainSteps {
            if interruptRequested() {
                Interrupt.clear()
                try saveCheckpoint(session, configuration: c)
                record.status = .interrupted
                try writeRecord(record)
                throw RunError.interrupted(step: session.step, directory: directory.url.path, dataset: c.data.name)
            }
            let loss = session.trainStep()
            guard loss.isFinite else {
                record.status = .diverged
                try writeRecord(record)
                if let failure = session.failure { log("the step failed: \(failure)") }
                throw RunError.diverged(
                    step: session.step + 1, lastGood: lastCheckpoint, directory: directory.url.path,
                    lr: c.training.lr, dataset: c.data.name)
            }
            if session.step % c.training.checkpointEvery == 0 || session.step == c.training.steps {
                try saveCheckpoint(session, configuration: c)
                lastCheckpoint = session.step
            }
            progress.update(session.step, loss: Double(loss), startedAt: firstStep)
        }
        return (firstStep, Date().timeIntervalSince(trainStart))
    }
}
