import NN
/// The `training` section of a configuration: optimizer, schedule, EMA and checkpoints of the
/// shape-generic training loop. Defaults are the 2-D path's; datasets override them.
public struct TrainingOptions: Codable, Sendable, Equatable {
    /// Optimizer steps.
    public var steps = 10000
    public var batchSize = 256
    /// Peak learning rate of Adam.
    public var lr = 2e-3
    public var warmupSteps = 100
    /// Final learning rate as a fraction of the peak (cosine decay).
    public var lrFloor = 0.05
    /// AdamW decoupled weight decay.
    public var weightDecay = 0.0
    /// Global gradient-norm clip.
    public var gradClip = 1.0
    public var emaDecay = 0.995
    /// Steps between resumable checkpoints.
    public var checkpointEvery = 500
    /// Probability that a conditional network sees the null label ∅ instead of the sample's label.
    public var labelDropout = 0.1

    public init() {}

    /// Checks every number, naming the flag at fault.
    public func validate() throws {
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw TrainingError.invalid(message) } }
        try require(steps >= 1 && steps <= 100_000_000, "--train-steps must be between 1 and 100000000, got \(steps).")
        try require(batchSize >= 1 && batchSize <= 65_536, "--batch-size must be between 1 and 65536, got \(batchSize).")
        try require(lr > 0 && lr.isFinite, "--lr must be a positive number, got \(lr).")
        try require(warmupSteps >= 0 && warmupSteps <= 100_000_000, "--warmup-steps must be between 0 and 100000000, got \(warmupSteps).")
        try require(lrFloor >= 0 && lrFloor <= 1, "--lr-floor must be in [0, 1], got \(lrFloor).")
        try require(weightDecay >= 0 && weightDecay.isFinite, "--weight-decay must be at least 0, got \(weightDecay).")
        try require(gradClip > 0 && gradClip.isFinite, "--grad-clip must be positive, got \(gradClip).")
        try require(emaDecay >= 0 && emaDecay < 1, "--ema-decay must be in [0, 1), got \(emaDecay).")
        try require(checkpointEvery >= 1 && checkpointEvery <= 100_000_000, "--checkpoint-every must be between 1 and 100000000, got \(checkpointEvery).")
        try require(labelDropout >= 0 && labelDropout < 1, "--label-dropout must be in [0, 1), got \(labelDropout).")
    }
}

/// Errors of the training core.
public enum TrainingError: Error, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let m): m
        }
    }
}
