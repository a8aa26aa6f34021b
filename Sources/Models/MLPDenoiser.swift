import Engine
import NN
import Stats
import Training

/// Architecture of an `MLPDenoiser`.
public struct DenoiserArchitecture: Codable, Sendable, Equatable {
    /// Hidden width.
    public var width: Int
    /// Number of hidden layers (each a Linear followed by the activation).
    public var depth: Int
    public var activation: Activation
    /// Features of the sinusoidal time embedding.
    public var timeEmbedding: Int
    /// Fourier features per input coordinate, fed beside x itself (0 = x alone).
    public var inputFrequencies: Int
    /// Scale s of the Fourier features.
    public var inputScale: Float
    /// Hidden layers after the first as residual blocks h + f(W·h + b).
    public var residual: Bool
    /// Data dimension (2 for point clouds).
    public var dataDimension: Int
    /// Classes of a conditional network (a learned label embedding added to the time embedding);
    /// 0 = unconditional.
    public var classes: Int

    public init(
        width: Int, depth: Int, activation: Activation, timeEmbedding: Int, inputFrequencies: Int,
        inputScale: Float, residual: Bool, dataDimension: Int = 2, classes: Int = 0
    ) {
        self.width = width
        self.depth = depth
        self.activation = activation
        self.timeEmbedding = timeEmbedding
        self.inputFrequencies = inputFrequencies
        self.inputScale = inputScale
        self.residual = residual
        self.dataDimension = dataDimension
        self.classes = classes
    }

    /// Decodes an architecture; those written before class conditions had none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        width = try c.decode(Int.self, forKey: .width)
        depth = try c.decode(Int.self, forKey: .depth)
        activation = try c.decode(Activation.self, forKey: .activation)
        timeEmbedding = try c.decode(Int.self, forKey: .timeEmbedding)
        inputFrequencies = try c.decode(Int.self, forKey: .inputFrequencies)
        inputScale = try c.decode(Float.self, forKey: .inputScale)
        residual = try c.decode(Bool.self, forKey: .residual)
        dataDimension = try c.decode(Int.self, forKey: .dataDimension)
        classes = try c.decodeIfPresent(Int.self, forKey: .classes) ?? 0
    }

    /// The network of benchmark workloads W1/W2: Linear(130,256) SiLU ×3 then Linear(256,2).
    public static let w1 = DenoiserArchitecture(
        width: 256, depth: 3, activation: .silu, timeEmbedding: 128,
        inputFrequencies: 0, inputScale: 1, residual: false)
}

/// An MLP that maps a noisy point x_t [batch, d], its time and optionally its class label to a
/// prediction [batch, d] (ε, x₀, v or score, as the training objective decides):
/// h₀ = f(W₀·[x_t, γ(x_t), emb(t) + E[y]]), h_i = h_{i−1} + f(W_i·h_{i−1}) (or without the skip),
/// out = W_out·h, where E is a learned label embedding with a row for ∅ (conditional networks only).
public final class MLPDenoiser: Denoiser, ExactDivergence {
    public let architecture: DenoiserArchitecture
    public let timeEmbedding: SinusoidalTimeEmbedding
    public let inputFeatures: FourierFeatures?
    public let layers: [Linear]
    public let output: Linear
    /// Rows 0..<classes for the labels and row `classes` for ∅; nil when unconditional.
    public let labelEmbedding: Embedding?
    let cachedTimesteps: Int

    /// `cachedTimesteps`: integer times below it use a lookup table for the time embedding.
    public init(_ a: DenoiserArchitecture, cachedTimesteps: Int = 0, rng: some RandomSource) {
        precondition(a.width > 0 && a.depth >= 1, "MLPDenoiser: need width > 0 and depth >= 1")
        architecture = a
        timeEmbedding = SinusoidalTimeEmbedding(dimension: a.timeEmbedding, cachedSteps: cachedTimesteps)
        inputFeatures = a.inputFrequencies > 0 ? FourierFeatures(frequenciesPerCoordinate: a.inputFrequencies, scale: a.inputScale) : nil
        let inWidth = a.dataDimension + (inputFeatures?.width(coordinates: a.dataDimension) ?? 0) + a.timeEmbedding
        var layers = [Linear(name: "layers.0", inFeatures: inWidth, outFeatures: a.width, rng: rng)]
        for i in 1..<a.depth { layers.append(Linear(name: "layers.\(i)", inFeatures: a.width, outFeatures: a.width, rng: rng)) }
        self.layers = layers
        output = Linear(name: "output", inFeatures: a.width, outFeatures: a.dataDimension, rng: rng)
        // Drawn last, so an unconditional network's weights do not depend on it.
        labelEmbedding = a.classes > 0 ? Embedding(name: "label_embedding", count: a.classes + 1, width: a.timeEmbedding, rng: rng) : nil
        self.cachedTimesteps = cachedTimesteps
    }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) + output.parameters + (labelEmbedding?.parameters ?? []) }
    public var sampleShape: [Int] { [architecture.dataDimension] }
    public var classes: Int { architecture.classes }

    public func makeSibling() -> MLPDenoiser { MLPDenoiser(architecture, cachedTimesteps: cachedTimesteps, rng: GSLRandom(seed: 0)) }

    /// x [batch, d] at times `times` (one per row), labels (one per row, nil = ∅) → [batch, d].
    public func callAsFunction(_ x: Var, times: [Float], labels: [Int]?) -> Var {
        let tape = x.tape
        precondition(
            x.shape.count == 2 && x.shape[1] == architecture.dataDimension,
            "MLPDenoiser: expected x of shape [batch, \(architecture.dataDimension)], got \(x.shape)")
        precondition(times.count == x.shape[0], "MLPDenoiser: \(times.count) times for \(x.shape[0]) points")
        // x itself always goes in: Fourier features are periodic, and without a plain coordinate
        // the network cannot tell far-away points from near ones (stray samples at large |x|).
        var embedding = tape.constant(timeEmbedding(times))
        if let labelEmbedding {
            let indices = labels ?? [Int](repeating: nullLabel, count: times.count)
            precondition(indices.count == times.count, "MLPDenoiser: \(indices.count) labels for \(times.count) points")
            embedding = embedding + labelEmbedding(indices, on: tape)
        }
        let inputs = [x] + (inputFeatures.map { [$0(x)] } ?? []) + [embedding]
        var h = tape.activation(layers[0](tape.concatLastAxis(inputs)), architecture.activation)
        for layer in layers.dropFirst() {
            let f = tape.activation(layer(h), architecture.activation)
            h = architecture.residual ? h + f : f
        }
        return output(h)
    }
}
