import Engine
import NN
import Stats

/// A denoising network as the shape-generic core sees it: x_t [batch, …] of any rank, one network
/// time per row and optionally one class label per row → a prediction of x's shape (ε, x₀, v or the
/// score, as the objective decides). A conditional network (`classes` > 0) also accepts the null
/// label ∅ = `classes`, which classifier-free guidance trains with label dropout (Ho & Salimans 2021).
/// Training and sampling never look inside: the 2-D MLP and an image U-Net conform alike.
public protocol Denoiser: Module {
    /// The shape of one sample: [2] for points, [channels, height, width] for images.
    var sampleShape: [Int] { get }
    /// Classes of a conditional network; 0 for an unconditional one.
    var classes: Int { get }
    /// The prediction for x [batch] + sampleShape at `times` (one per row); `labels` one per row in
    /// 0...classes (classes = ∅), or nil: unconditional (∅ for every row of a conditional network).
    func callAsFunction(_ x: Var, times: [Float], labels: [Int]?) -> Var
    /// A network of the same architecture, to load other weights into (the EMA weights).
    func makeSibling() -> Self
    /// Row blocks a training batch is split into, each on its own tape and thread (see
    /// `denoisingGradients`). Fixed per network, so 1 and 2 threads give the same numbers.
    var trainingShards: Int { get }
    /// The network's own random generators (dropout), by name: checkpoints save and restore their
    /// state, so a resumed run draws the same masks as an uninterrupted one.
    var randomStreams: [String: GSLRandom] { get }
    /// Rows evaluated at a time when sampling a larger batch (nil: all at once). Convolutional
    /// networks run faster on batches whose activations stay in cache (see `evaluate`).
    var evaluationChunk: Int? { get }
}

extension Denoiser {
    /// The prediction with no condition.
    public func callAsFunction(_ x: Var, times: [Float]) -> Var { self(x, times: times, labels: nil) }

    /// Two: small networks leave BLAS's threads idle, and two tapes keep both cores busy.
    public var trainingShards: Int { 2 }

    /// None: a deterministic network.
    public var randomStreams: [String: GSLRandom] { [:] }

    /// All rows at once.
    public var evaluationChunk: Int? { nil }

    /// The null label ∅ of a conditional network.
    public var nullLabel: Int { classes }

    /// Elements of one sample.
    public var sampleSize: Int { sampleShape.reduce(1, *) }
}

/// Adopted by denoisers with few coordinates per sample, whose exact divergence ∇ₓ·output costs d
/// vector–Jacobian products (the 2-D MLP): it makes their likelihood exact (no Hutchinson estimate).
public protocol ExactDivergence: Denoiser {}
