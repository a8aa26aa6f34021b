import Engine
import NN
import Stats
import Training

/// A noise-conditional classifier of points, p_φ(y | x_t, t) (Dhariwal & Nichol 2021, §4.1, on
/// 2-D data): logits = W_out·h_L, h_0 = x, h_i = SiLU(W_i·h_{i−1}) on the input
/// [x_t, γ(x_t), emb(t)] — the denoiser's inputs (Fourier features γ for sharp class boundaries
/// such as the checkerboard's, a sinusoidal time embedding).
public final class MLPClassifier: ClassifierNetwork {
    /// The architecture.
    public struct Configuration: Codable, Sendable, Equatable {
        public var width = 128
        public var depth = 3
        public var timeEmbedding = 32
        public var inputFrequencies = 0
        public var inputScale: Float = 1
        public var dataDimension = 2
        public var classes: Int

        public init(classes: Int) { self.classes = classes }

        public func validate() throws {
            func require(_ ok: Bool, _ message: String) throws { if !ok { throw TrainingError.invalid(message) } }
            try require(width >= 1 && width <= 4096, "--width must be between 1 and 4096, got \(width).")
            try require(depth >= 1 && depth <= 64, "--depth must be between 1 and 64, got \(depth).")
            try require(timeEmbedding >= 2 && timeEmbedding % 2 == 0 && timeEmbedding <= 4096, "the time embedding must be even, 2…4096, got \(timeEmbedding).")
            try require(inputFrequencies >= 0 && inputFrequencies <= 256, "input frequencies must be 0…256, got \(inputFrequencies).")
            try require(inputScale.isFinite && inputScale > 0, "the input scale must be a finite number above 0, got \(inputScale).")
            try require(classes >= 2, "a classifier needs at least 2 classes, got \(classes).")
        }
    }

    public let configuration: Configuration
    let timeFeatures: SinusoidalTimeEmbedding
    let inputFeatures: FourierFeatures?
    let layers: [Linear]
    let head: Linear

    public init(_ c: Configuration, seed: UInt64) {
        configuration = c
        let rng = GSLRandom(seed: seed, stream: .initialization)
        timeFeatures = SinusoidalTimeEmbedding(dimension: c.timeEmbedding)
        inputFeatures = c.inputFrequencies > 0 ? FourierFeatures(frequenciesPerCoordinate: c.inputFrequencies, scale: c.inputScale) : nil
        var width = c.dataDimension + (inputFeatures?.width(coordinates: c.dataDimension) ?? 0) + c.timeEmbedding
        var layers: [Linear] = []
        for i in 0..<c.depth {
            layers.append(Linear(name: "layers.\(i)", inFeatures: width, outFeatures: c.width, rng: rng))
            width = c.width
        }
        self.layers = layers
        head = Linear(name: "head", inFeatures: width, outFeatures: c.classes, rng: rng)
    }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) + head.parameters }
    public var sampleShape: [Int] { [configuration.dataDimension] }
    public var classes: Int { configuration.classes }

    public func logits(_ x: Var, times: [Float]) -> Var {
        let tape = x.tape
        precondition(x.shape.count == 2 && x.shape[1] == configuration.dataDimension, "MLPClassifier: expected [batch, \(configuration.dataDimension)], got \(x.shape)")
        let inputs = [x] + (inputFeatures.map { [$0(x)] } ?? []) + [tape.constant(timeFeatures(times))]
        var h = tape.concatLastAxis(inputs)
        for layer in layers { h = tape.activation(layer(h), .silu) }
        return head(h)
    }
}
