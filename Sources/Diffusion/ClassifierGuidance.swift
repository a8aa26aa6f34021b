import Engine

/// A classifier of noised samples p(y | x_t) as guidance sees it: per row, log p(y | x_t) of the
/// row's label and its gradient ∇ₓ log p(y | x_t) (Dhariwal & Nichol 2021, §4). The exact
/// posterior of a Gaussian mixture and trained noise-conditional networks conform alike.
public protocol NoisyClassifier {
    /// The classes it tells apart.
    var classes: Int { get }
    /// log p(label_r | x_r at `time`) per row r and ∇ₓ of it ([rows, …], x's shape); `labels`
    /// one per row, or one for every row.
    func logPosterior(_ x: Tensor, time: Double, labels: [Int]) -> (logProbability: [Double], gradient: Tensor)
}

/// Classifier guidance (Dhariwal & Nichol 2021, alg. 2): the score of p_t(x)·p(y | x_t)^s,
/// ∇ log p_t(x) + s·∇ₓ log p(y | x_t), that is ε̃ = ε̂ − s·σ_t·∇ₓ log p(y | x_t) — the gradient
/// scaled by the process's σ_t. Works on any model (conditional or not, classifier-free guided or
/// not) and every sampler; it predicts ε whatever the base model predicts. s = 0 returns the base
/// model's own output. With the exact mixture posterior and s = 1 it is the chosen component's
/// exact score.
public struct ClassifierGuidance: DenoisingModel {
    public let base: any DenoisingModel
    public let classifier: any NoisyClassifier
    public let process: any NoiseProcess
    /// The class guided towards: one per row of the sampled batch, or one for all rows.
    public let labels: [Int]
    /// s ≥ 0.
    public let scale: Double

    public init(_ base: any DenoisingModel, classifier: any NoisyClassifier, process: any NoiseProcess, labels: [Int], scale: Double) {
        precondition(scale >= 0 && scale.isFinite, "ClassifierGuidance: scale must be finite and at least 0, got \(scale)")
        precondition(!labels.isEmpty && labels.allSatisfy { $0 >= 0 && $0 < classifier.classes }, "ClassifierGuidance: labels outside 0..<\(classifier.classes)")
        (self.base, self.classifier, self.process, self.labels, self.scale) = (base, classifier, process, labels, scale)
    }

    public var prediction: Prediction { scale == 0 ? base.prediction : .epsilon }

    /// The base model's evaluations plus one classifier gradient (counted as one evaluation).
    public var evaluationsPerCall: Int { base.evaluationsPerCall + (scale == 0 ? 0 : 1) }

    public func callAsFunction(_ x: Tensor, time: Double) -> Tensor {
        guard scale != 0 else { return base(x, time: time) }
        let (alpha, sigma) = process.marginal(at: time)
        var eps = base.epsilon(x, time: time, alpha: alpha, sigma: sigma)
        let g = classifier.logPosterior(x, time: time, labels: labels).gradient
        let f = Float(scale * sigma)
        for j in 0..<eps.count { eps.scalars[j] -= f * g.scalars[j] }
        return eps
    }
}
