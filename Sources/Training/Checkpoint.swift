import Engine
import Foundation
import NN

/// Saving and loading a `TrainingSession` (checkpoint.safetensors) and the sampling weights
/// (model.safetensors: the EMA weights under PyTorch-style names, loadable by safetensors/PyTorch).
extension TrainingSession {
    static var formatVersion: String { "1" }

    /// The resumable state: raw weights, EMA, Adam moments, random streams, loss log, step, plus
    /// the caller's `metadata` (its configuration).
    public func checkpoint(metadata: [String: String] = [:]) -> Safetensors {
        var entries: [String: Safetensors.Entry] = [:]
        for p in network.parameters { entries["param.\(p.name)"] = .float32(p.value) }
        for (k, v) in ema.shadow { entries["ema.\(k)"] = .float32(v) }
        for (k, v) in optimizer.stateDict() { entries[k] = .float32(v) }
        entries["rng.batch"] = .uint8(batchRNG.state)
        entries["rng.noise"] = .uint8(noiseRNG.state)
        for (name, stream) in network.randomStreams { entries["rng.network.\(name)"] = .uint8(stream.state) }
        entries["loss"] = .float32(Tensor(shape: [losses.count], scalars: losses))
        let own = [
            "format": "toy-checkpoint", "format_version": Self.formatVersion, "step": "\(step)",
            "ema_updates": "\(ema.updates)", "adam_step": "\(optimizer.step)",
        ]
        return Safetensors(entries: entries, metadata: metadata.merging(own) { _, mine in mine })
    }

    /// The sampling weights (EMA), with the caller's `metadata` (architecture, prediction, …).
    public func modelFile(metadata: [String: String] = [:]) -> Safetensors {
        Safetensors(tensors: ema.shadow, metadata: metadata.merging(["format": "toy-model", "step": "\(step)"]) { _, mine in mine })
    }

    /// Restores a checkpoint written by `checkpoint()`; `file` names it in errors.
    public func restore(_ s: Safetensors, file: String) throws {
        func fail(_ why: String) -> CheckpointError { .corrupt(file: file, reason: why) }
        guard s.metadata["format"] == "toy-checkpoint" else { throw fail("not a toy checkpoint (format '\(s.metadata["format"] ?? "none")')") }
        guard let step = Int(s.metadata["step"] ?? ""), let emaUpdates = Int(s.metadata["ema_updates"] ?? ""),
            let adamStep = Int(s.metadata["adam_step"] ?? "")
        else { throw fail("metadata lacks step, ema_updates or adam_step") }
        for (key, value) in [("step", step), ("ema_updates", emaUpdates), ("adam_step", adamStep)] where !(0...1_000_000_000).contains(value) {
            throw fail("\(key) \(value) is outside 0…10^9")
        }
        let tensors = s.tensors
        do {
            var params: [String: Tensor] = [:], shadow: [String: Tensor] = [:]
            for (k, v) in tensors {
                if k.hasPrefix("param.") { params[String(k.dropFirst(6))] = v }
                if k.hasPrefix("ema.") { shadow[String(k.dropFirst(4))] = v }
            }
            try network.load(params)
            try ema.load(shadow, updates: emaUpdates)
            try optimizer.load(tensors, step: adamStep)
        } catch let e as NNError {
            throw fail(e.description)
        }
        guard case .uint8(let batchState)? = s.entries["rng.batch"], case .uint8(let noiseState)? = s.entries["rng.noise"],
            let loss = tensors["loss"], loss.count == step
        else { throw fail("random-generator state or loss log missing") }
        do {
            try batchRNG.restore(state: batchState)
            try noiseRNG.restore(state: noiseState)
            for (name, stream) in network.randomStreams {
                guard case .uint8(let state)? = s.entries["rng.network.\(name)"] else { throw fail("the network's random stream '\(name)' is missing") }
                try stream.restore(state: state)
            }
        } catch let e as CheckpointError {
            throw e
        } catch { throw fail("\(error)") }
        self.step = step
        losses = loss.scalars
    }
}

/// JSON with sorted keys, so equal values always give equal bytes (reproducible files).
public func canonicalJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
