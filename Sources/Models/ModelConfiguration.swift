import Engine
import Stats

/// The `model` section of a configuration: what denoises — a trained MLP of this width and depth
/// (2-D data), a trained U-Net of `unet`'s shape (images), or the closed-form denoiser of a
/// Gaussian-mixture dataset — and whether it is class-conditional.
public struct ModelConfiguration: Codable, Sendable, Equatable {
    public var kind = ModelKind.network
    /// Train with class labels (a learned label embedding added to the time embedding).
    public var conditional = false
    public var width = 128
    public var depth = 3
    public var activation = Activation.silu
    /// Features of the sinusoidal time embedding.
    public var timeEmbedding = 64
    /// Fourier features per input coordinate (0 = x alone) and their scale.
    public var inputFrequencies = 16
    public var inputScale: Float = 25
    /// Hidden layers after the first as residual blocks.
    public var residual = true
    /// The U-Net of an image run (its `classes` set from the data when `conditional`); nil for 2-D data.
    public var unet: UNetConfiguration? = nil

    public init() {}

    /// The U-Net of this section for data with `classes` classes (used only when `conditional`).
    public func unetArchitecture(classes: Int) -> UNetConfiguration? {
        guard var u = unet else { return nil }
        u.classes = conditional ? classes : 0
        return u
    }

    /// The MLP of this section for samples of `dimension` coordinates and `classes` classes (used
    /// only when `conditional`).
    public func architecture(dimension: Int = 2, classes: Int = 0) -> DenoiserArchitecture {
        DenoiserArchitecture(
            width: width, depth: depth, activation: activation, timeEmbedding: timeEmbedding, inputFrequencies: inputFrequencies,
            inputScale: inputScale, residual: residual, dataDimension: dimension, classes: conditional ? classes : 0)
    }

    /// Checks every number, naming the flag at fault.
    public func validate() throws {
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw ModelError.invalid(message) } }
        try require(width >= 1 && width <= 8192, "--width must be between 1 and 8192, got \(width).")
        try require(depth >= 1 && depth <= 256, "--depth must be between 1 and 256, got \(depth).")
        try require(
            timeEmbedding >= 2 && timeEmbedding % 2 == 0 && timeEmbedding <= 8192, "--time-embedding must be an even number from 2 to 8192, got \(timeEmbedding).")
        try require(
            inputFrequencies == 0 || (inputFrequencies >= 2 && inputFrequencies <= 1024),
            "--input-frequencies must be 0 (off) or between 2 and 1024, got \(inputFrequencies).")
        try require(inputScale > 0 && inputScale.isFinite, "--input-scale must be positive, got \(inputScale).")
        try unet?.validate()
    }
}

/// What denoises during sampling.
public enum ModelKind: String, CaseIterable, Codable, Sendable {
    /// A network trained on the data.
    case network
    /// The exact ε of a Gaussian-mixture dataset: samplers with no learning error.
    case exact
}

/// Errors of the Models module.
public enum ModelError: Error, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let m): m
        }
    }
}
