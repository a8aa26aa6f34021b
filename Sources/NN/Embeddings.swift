import Engine
import Foundation

/// The sinusoidal embedding of a (diffusion) time t with `dimension` features (Vaswani et al. 2017;
/// Ho et al. 2020): [sin(t·f_k) for k < d/2] ++ [cos(t·f_k) for k < d/2], f_k = exp(−ln(maxPeriod)·k/(d/2)).
/// Integer times below `cachedSteps` are looked up in a precomputed table.
public struct SinusoidalTimeEmbedding: Sendable {
    public let dimension: Int
    public let maxPeriod: Double
    private let frequencies: [Double]
    private let table: [Float]
    private let cachedSteps: Int

    public init(dimension: Int, maxPeriod: Double = 10_000, cachedSteps: Int = 0) {
        precondition(dimension >= 2 && dimension % 2 == 0, "SinusoidalTimeEmbedding: dimension must be even and >= 2, got \(dimension)")
        self.dimension = dimension
        self.maxPeriod = maxPeriod
        let half = dimension / 2
        let f = (0..<half).map { exp(-log(maxPeriod) * Double($0) / Double(half)) }
        frequencies = f
        self.cachedSteps = cachedSteps
        var t = [Float](repeating: 0, count: cachedSteps * dimension)
        for s in 0..<cachedSteps { Self.fill(&t, row: s, time: Double(s), frequencies: f) }
        table = t
    }

    private static func fill(_ out: inout [Float], row: Int, time: Double, frequencies: [Double]) {
        let half = frequencies.count
        for k in 0..<half {
            // Float32 angle, as PyTorch computes it, so embeddings match reference implementations.
            let a = Float(time) * Float(frequencies[k])
            out[row * 2 * half + k] = sinf(a)
            out[row * 2 * half + half + k] = cosf(a)
        }
    }

    /// Embeddings of `times` → [times.count, dimension].
    public func callAsFunction(_ times: [Float]) -> Tensor {
        var out = [Float](repeating: 0, count: times.count * dimension)
        for (i, t) in times.enumerated() {
            let s = Int(exactly: t) ?? -1
            if s >= 0 && s < cachedSteps {
                out.withUnsafeMutableBufferPointer { po in
                    table.withUnsafeBufferPointer { pt in
                        (po.baseAddress! + i * dimension).update(from: pt.baseAddress! + s * dimension, count: dimension)
                    }
                }
            } else {
                Self.fill(&out, row: i, time: Double(t), frequencies: frequencies)
            }
        }
        return Tensor(shape: [times.count, dimension], scalars: out)
    }
}

/// Sinusoidal (Fourier) features of each input coordinate, differentiable in x:
/// γ(x) = [sin(s·f_k·x), cos(s·f_k·x)]_k per coordinate, f_k = exp(−ln(10⁴)·k/(m−1)), k < m.
/// For low-dimensional inputs an MLP learns high frequencies far better from γ(x) than from x
/// (Tancik et al. 2020); tanelp/tiny-diffusion found it the most important choice for 2-D data.
public struct FourierFeatures: Sendable {
    public let frequenciesPerCoordinate: Int
    public let scale: Float
    public let frequencies: [Float]

    public init(frequenciesPerCoordinate m: Int, scale: Float) {
        precondition(m >= 2, "FourierFeatures: need at least 2 frequencies, got \(m)")
        frequenciesPerCoordinate = m
        self.scale = scale
        frequencies = (0..<m).map { scale * Float(exp(-log(10_000.0) * Double($0) / Double(m - 1))) }
    }

    /// Output width for `coordinates` input columns.
    public func width(coordinates: Int) -> Int { 2 * frequenciesPerCoordinate * coordinates }

    /// x [rows, d] → [rows, 2·m·d].
    public func callAsFunction(_ x: Var) -> Var { x.tape.sinusoidalFeatures(x, frequencies: frequencies) }
}
