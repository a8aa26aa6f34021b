import Datasets
import Foundation
import ImageData
import Models
import Samplers
import Training
import Diffusion

/// Reading a configuration file (`toy run --config FILE.json`): a bare configuration or a run's
/// own config.json. Sections may be partial — missing keys take the dataset's defaults — but every
/// key must exist: an unknown or misspelt key names itself and the valid keys of its section, and
/// a wrong type names the key and the type expected.
public enum ConfigurationFile {
    /// The valid keys of each section, from the sections' own encodings.
    static func validKeys(_ defaultConfiguration: RunConfiguration) throws -> [String: Set<String>] {
        let defaults = try object(FileFormats.json(defaultConfiguration))
        var keys: [String: Set<String>] = ["": Set(RunConfiguration.CodingKeys.allCases.map(\.rawValue))]
        for (section, value) in defaults { if let d = value as? [String: Any] { keys[section] = Set(d.keys) } }
        keys["data", default: []].formUnion(["noise", "dataset", "file", "images", "directory"])
        keys["model", default: []].insert("unet")
        keys["process", default: []].insert("sigmaMax")
        keys["sampling", default: []].formUnion(["label", "clip"])
        return keys
    }

    static func object(_ data: Data, file: String = "configuration") throws -> [String: Any] {
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw RunError.invalid("'\(file)' is not valid JSON: \(error.localizedDescription)")
        }
        guard let object = parsed as? [String: Any] else { throw RunError.invalid("'\(file)' does not hold a JSON object.") }
        return object
    }

    /// The configuration in `url`, its missing keys filled from the defaults of its dataset.
    public static func read(_ url: URL) throws -> RunConfiguration {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { throw RunError.invalid("no configuration file at '\(path)'.") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw RunError.io(path: path, reason: error.localizedDescription) }
        return try decode(try object(data, file: path), from: path)
    }

    /// A configuration from a JSON object (bare or a run record), its missing keys filled from the
    /// defaults of its data; `from` names the origin in errors.
    public static func decode(_ object: [String: Any], from path: String) throws -> RunConfiguration {
        var given = object
        // A run's config.json: its configuration is one field of the record.
        if let inner = given["configuration"] as? [String: Any], given["toolkit"] != nil { given = inner }
        if given["dataset"] != nil && given["data"] == nil {
            // The flat format of older runs.
            do { return try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: given)) } catch {
                throw RunError.invalid("'\(path)': \(describe(error))")
            }
        }
        let dataSection = given["data"] as? [String: Any] ?? [:]
        let defaults: RunConfiguration
        if let name = dataSection["dataset"] as? String {
            guard let dataset = ToyDataset(rawValue: name) else {
                throw RunError.invalid("'\(path)': unknown data.dataset '\(name)'; valid: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            defaults = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
        } else if let name = dataSection["images"] as? String {
            guard let kind = ImageDatasetKind(rawValue: name) else {
                throw RunError.invalid("'\(path)': unknown data.images '\(name)'; valid: \(ImageDatasetKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            defaults = DatasetDefaults.forImages(kind).configuration(data: DataConfiguration(images: kind))
        } else if let file = dataSection["file"] as? String {
            defaults = DatasetDefaults().configuration(data: DataConfiguration(file: file))
        } else {
            throw RunError.invalid(
                "'\(path)' must name its data as data.dataset (one of \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", "))), data.images (one of \(ImageDatasetKind.allCases.map(\.rawValue).joined(separator: ", "))) or data.file.")
        }
        let keys = try validKeys(defaults)
        for (key, value) in given {
            guard keys[""]!.contains(key) else {
                throw RunError.invalid("'\(path)': unknown key '\(key)'; valid keys: \(keys[""]!.sorted().joined(separator: ", ")).")
            }
            guard let section = value as? [String: Any], let valid = keys[key] else { continue }
            for inner in section.keys where !valid.contains(inner) {
                throw RunError.invalid("'\(path)': unknown key '\(key).\(inner)'; valid keys of \(key): \(valid.sorted().joined(separator: ", ")).")
            }
        }
        var merged = try Self.object(FileFormats.json(defaults))
        for (key, value) in given {
            if let section = value as? [String: Any], var base = merged[key] as? [String: Any] {
                for (k, v) in section { base[k] = v }
                merged[key] = base
            } else {
                merged[key] = value
            }
        }
        // A file run has no dataset, a toy run no file.
        if var d = merged["data"] as? [String: Any] {
            if dataSection["file"] != nil && dataSection["dataset"] == nil { d["dataset"] = nil }
            merged["data"] = d
        }
        do { return try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: merged)) } catch {
            throw RunError.invalid("'\(path)': \(describe(error))")
        }
    }

    /// A decoding error as a sentence naming the key.
    static func describe(_ error: any Error) -> String {
        func key(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
        switch error {
        case DecodingError.typeMismatch(let type, let context): return "key '\(key(context.codingPath))' must be of type \(type)."
        case DecodingError.valueNotFound(let type, let context): return "key '\(key(context.codingPath))' must be of type \(type), got null."
        case DecodingError.keyNotFound(let k, let context): return "key '\(key(context.codingPath + [k]))' is missing."
        case DecodingError.dataCorrupted(let context): return "key '\(key(context.codingPath))': \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}
