import Engine

/// Classifier-free guidance between two models of one prediction (Ho & Salimans 2021, eq. 6):
/// (1 + w)·conditional − w·unconditional, each evaluated once per call. For the exact mixture
/// models this is the guided oracle with no learning error; networks use the batched
/// `ClassifierFreeGuidance` instead. w = 0 returns the conditional model's output.
public struct GuidedModel: DenoisingModel {
    public let conditional: any DenoisingModel
    public let unconditional: any DenoisingModel
    public let scale: Double

    public init(conditional: any DenoisingModel, unconditional: any DenoisingModel, scale: Double) {
        precondition(scale >= 0 && scale.isFinite, "GuidedModel: scale must be finite and at least 0, got \(scale)")
        precondition(conditional.prediction == unconditional.prediction, "GuidedModel: the two models predict different quantities")
        (self.conditional, self.unconditional, self.scale) = (conditional, unconditional, scale)
    }

    public var prediction: Prediction { conditional.prediction }
    public var evaluationsPerCall: Int { conditional.evaluationsPerCall + (scale == 0 ? 0 : unconditional.evaluationsPerCall) }

    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor {
        var out = conditional(x, time: time)
        guard scale != 0 else { return out }
        let u = unconditional(x, time: time)
        let (a, b) = (Float(1 + scale), Float(scale))
        for j in 0..<out.count { out.scalars[j] = a * out.scalars[j] - b * u.scalars[j] }
        return out
    }
}
