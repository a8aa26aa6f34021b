import Foundation
import Runs
import Testing

/// Run folders written before the continuous processes lack their configuration fields; they
/// must still load, with the values those runs used.
@Suite struct ConfigurationCompatibilityTests {
    static let addedKeys = [
        "process", "sigmaMin", "sigmaMax", "levels", "lossWeighting", "sharedNoise", "odeMethod", "odeTolerance", "predictor",
        "correctorSteps", "snr", "denoise", "langevinStepSize",
    ]

    @Test func aConfigurationWithoutTheProcessFieldsLoadsAsTheDDPMRunItWas() throws {
        let current = DatasetDefaults.forDataset(.moons).configuration(for: .moons, seed: 3)
        var object = try #require(try JSONSerialization.jsonObject(with: FileFormats.json(current)) as? [String: Any])
        for key in Self.addedKeys { object[key] = nil }
        let old = try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old == current)
    }

    @Test func aMissingOriginalFieldIsStillAnError() throws {
        let current = DatasetDefaults.forDataset(.moons).configuration(for: .moons)
        var object = try #require(try JSONSerialization.jsonObject(with: FileFormats.json(current)) as? [String: Any])
        object["trainSteps"] = nil
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        }
    }
}
