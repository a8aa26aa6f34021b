import Diffusion
import Engine

/// Classifier-free guidance (Ho & Salimans 2021, eq. 6): ε̃(x, y) = (1 + w)·ε(x, y) − w·ε(x, ∅),
/// from one network trained with label dropout. Convention: w = 0 is the plain conditional model
/// (papers also write the factor as s = 1 + w). The two predictions come from one batched call
/// (the rows stacked with their labels and with ∅), so each call costs two network evaluations
/// (`evaluationsPerCall`). Combining the raw outputs is exact for every prediction (ε, x₀, v,
/// score): each is affine in ε with the same x term, and the weights sum to 1.
public struct ClassifierFreeGuidance<Network: Denoiser>: DenoisingModel {
    /// The conditional model (its labels are the ones guided towards).
    public let conditional: NetworkModel<Network>
    /// w ≥ 0.
    public let scale: Double

    public init(_ conditional: NetworkModel<Network>, scale: Double) {
        precondition(scale >= 0 && scale.isFinite, "ClassifierFreeGuidance: scale must be finite and at least 0, got \(scale)")
        precondition(conditional.network.classes > 0 && conditional.labels != nil, "ClassifierFreeGuidance: needs a conditional network and labels")
        self.conditional = conditional
        self.scale = scale
    }

    public var prediction: Prediction { conditional.prediction }

    /// Two network evaluations per call (one when w = 0, which is the conditional model itself).
    public var evaluationsPerCall: Int { scale == 0 ? 1 : 2 }

    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor {
        guard scale != 0 else { return conditional(x, time: time) }
        let rows = x.shape[0]
        let network = conditional.network
        let t = conditional.process.networkTime(time)
        let labels = conditional.labels(0..<rows, of: rows)! + [Int](repeating: network.nullLabel, count: rows)
        let both = evaluate(network, Tensor.concatenatingRows([x, x]), times: [Float](repeating: t, count: 2 * rows), labels: labels)
        let n = x.count
        let (a, b) = (Float(1 + scale), Float(scale))
        var out = Tensor(shape: x.shape, scalars: [Float](repeating: 0, count: n))
        both.scalars.withUnsafeBufferPointer { s in
            for j in 0..<n { out.scalars[j] = a * s[j] - b * s[n + j] }
        }
        return out
    }
}
