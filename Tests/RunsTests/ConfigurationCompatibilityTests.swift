import Foundation
import Runs
import Testing
import Training

/// Run folders written before the continuous processes lack their configuration fields; they
/// must still load, with the values those runs used.
@Suite struct ConfigurationCompatibilityTests {
    static let addedKeys = [
        "process", "sigmaMin", "sigmaMax", "levels", "lossWeighting", "sharedNoise", "odeMethod", "odeTolerance", "predictor",
        "correctorSteps", "snr", "denoise", "langevinStepSize",
    ]

    /// The flat config.json that runs wrote before configurations had sections.
    static func flatObject(_ c: RunConfiguration) throws -> [String: Any] {
        let o = try #require(try JSONSerialization.jsonObject(with: FileFormats.json(c)) as? [String: Any])
        let (data, model, process, training, sampling) = (
            o["data"] as! [String: Any], o["model"] as! [String: Any], o["process"] as! [String: Any], o["training"] as! [String: Any],
            o["sampling"] as! [String: Any]
        )
        var flat: [String: Any] = ["dataset": data["dataset"]!, "dataSize": data["size"]!, "seed": o["seed"]!, "threads": o["threads"]!]
        for k in ["batchSize", "lr", "warmupSteps", "lrFloor", "weightDecay", "gradClip", "emaDecay", "checkpointEvery"] { flat[k] = training[k] }
        flat["trainSteps"] = training["steps"]
        for k in ["timesteps", "schedule", "sigmaMin", "levels", "prediction", "lossWeighting"] { flat[k] = process[k] }
        flat["process"] = process["kind"]
        flat["model"] = model["kind"]
        var architecture: [String: Any] = ["dataDimension": 2]
        for k in ["width", "depth", "activation", "timeEmbedding", "inputFrequencies", "inputScale", "residual"] { architecture[k] = model[k] }
        flat["architecture"] = architecture
        for k in [
            "samples", "sampler", "variance", "sharedNoise", "odeMethod", "odeTolerance", "predictor", "correctorSteps", "snr", "denoise",
            "langevinStepSize",
        ] { flat[k] = sampling[k] }
        flat["sampleSteps"] = sampling["steps"]
        return flat
    }

    @Test func aFlatConfigurationLoadsAsTheSameRun() throws {
        var current = DatasetDefaults.forDataset(.gmm).configuration(for: .gmm, seed: 5)
        current.process.kind = .vp
        current.sampling.sampler = .ode
        let old = try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: Self.flatObject(current)))
        #expect(old == current)
    }

    @Test func aConfigurationWithoutTheProcessFieldsLoadsAsTheDDPMRunItWas() throws {
        let current = DatasetDefaults.forDataset(.moons).configuration(for: .moons, seed: 3)
        var object = try Self.flatObject(current)
        for key in Self.addedKeys { object[key] = nil }
        let old = try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old == current)
    }

    @Test func aMissingOriginalFieldIsStillAnError() throws {
        let current = DatasetDefaults.forDataset(.moons).configuration(for: .moons)
        var object = try Self.flatObject(current)
        object["trainSteps"] = nil
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        }
    }
}
