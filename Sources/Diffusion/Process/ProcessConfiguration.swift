/// The `process` section of a configuration: the forward process and the training objective on it.
/// `makeProcess()` builds the process (σ_max must be resolved for VE and NCSN).
public struct ProcessConfiguration: Codable, Sendable, Equatable {
    /// The forward process: the DDPM chain, an SDE or NCSN noise levels.
    public var kind = ProcessKind.ddpm
    /// β schedule and length T of the DDPM chain.
    public var schedule = ScheduleKind.linear
    public var timesteps = 200
    /// VE and NCSN noise range; σ_max nil until resolved from the training data.
    public var sigmaMin = 0.01
    public var sigmaMax: Double? = nil
    /// NCSN noise levels L.
    public var levels = 10
    /// What the network predicts, and how the loss weights noise levels.
    public var prediction = Prediction.epsilon
    public var lossWeighting = LossWeighting.simple

    public init() {}

    /// Checks every number, naming the flag at fault.
    public func validate() throws {
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw ProcessError.invalid(message) } }
        try require(timesteps >= 2 && timesteps <= 100_000, "--timesteps must be between 2 and 100000, got \(timesteps).")
        try require(sigmaMin > 0 && sigmaMin < 1e6, "--sigma-min must be positive and below 1e6, got \(sigmaMin).")
        if let sigmaMax {
            try require(sigmaMax > sigmaMin && sigmaMax < 1e8, "--sigma-max must exceed --sigma-min (\(sigmaMin)) and stay below 1e8, got \(sigmaMax).")
        }
        try require(levels >= 2 && levels <= 100_000, "--levels must be between 2 and 100000, got \(levels).")
        try require(
            lossWeighting == .simple || kind.isContinuous,
            "--loss-weighting likelihood needs a continuous process (--process vp, ve or subvp), got --process \(kind.rawValue).")
        _ = try DiscreteDDPM(schedule: schedule, timesteps: timesteps)
    }

    /// Whether σ_max still has to be chosen from the data.
    public var needsSigmaMax: Bool { sigmaMax == nil && (kind == .ve || kind == .ncsn) }

    /// The forward process this section describes.
    public func makeProcess() throws -> any NoiseProcess {
        switch kind {
        case .ddpm: return try DiscreteDDPM(schedule: schedule, timesteps: timesteps)
        case .vp: return ContinuousProcess(VPSDE())
        case .subvp: return ContinuousProcess(SubVPSDE())
        case .ve: return ContinuousProcess(VESDE(sigmaMin: sigmaMin, sigmaMax: try resolvedSigmaMax()))
        case .ncsn: return NoiseLevels(sigmaMin: sigmaMin, sigmaMax: try resolvedSigmaMax(), levels: levels)
        }
    }

    func resolvedSigmaMax() throws -> Double {
        guard let sigmaMax else { throw ProcessError.invalid("--sigma-max was not resolved for --process \(kind.rawValue).") }
        return sigmaMax
    }
}
