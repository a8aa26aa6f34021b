import Datasets
import Diffusion
import NN
import Samplers
import Stats

/// The full, resolved configuration of one `toy run`: what config.json records and what a
/// resume reloads. Same configuration and seed → the same numbers.
public struct RunConfiguration: Codable, Sendable, Equatable {
    public var dataset: ToyDataset
    /// Generator noise; nil = the dataset's convention.
    public var noise: Double?
    /// Size of the training draw (data.csv).
    public var dataSize: Int
    public var trainSteps: Int
    public var batchSize: Int
    /// Peak learning rate of Adam.
    public var lr: Double
    public var warmupSteps: Int
    /// Final learning rate as a fraction of the peak (cosine decay).
    public var lrFloor: Double
    public var weightDecay: Double
    /// Global gradient-norm clip.
    public var gradClip: Double
    public var emaDecay: Double
    public var timesteps: Int
    public var schedule: ScheduleKind
    /// The forward process: the DDPM chain, an SDE or NCSN noise levels.
    public var process: ProcessKind
    /// VE and NCSN noise range; σ_max nil until resolved from the training draw.
    public var sigmaMin: Double
    public var sigmaMax: Double?
    /// NCSN noise levels L.
    public var levels: Int
    public var prediction: Prediction
    public var lossWeighting: LossWeighting
    /// A trained network, or the closed-form denoiser of a Gaussian-mixture dataset (no training).
    public var model: ModelKind
    public var architecture: DenoiserArchitecture
    public var samples: Int
    public var sampler: SamplerKind
    public var sampleSteps: Int
    public var variance: ReverseVariance
    /// x₀ clip during sampling; nil = none.
    public var clip: Double?
    /// Stochastic samplers draw their noise from one Brownian path (shared across step counts).
    public var sharedNoise: Bool
    public var odeMethod: ODEMethod
    public var odeTolerance: Double
    public var predictor: Predictor
    public var correctorSteps: Int
    public var snr: Double
    /// SDE samplers finish with Tweedie's x̂₀.
    public var denoise: Bool
    public var langevinStepSize: Double
    public var seed: UInt64
    public var threads: Int
    /// Steps between resumable checkpoints.
    public var checkpointEvery: Int

    /// Checks every number, naming the flag at fault.
    public func validate() throws {
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw RunError.invalid(message) } }
        try require(dataSize >= 1, "--data-size must be at least 1, got \(dataSize).")
        try require(trainSteps >= 0, "--train-steps must be at least 0, got \(trainSteps).")
        try require(batchSize >= 1, "--batch-size must be at least 1, got \(batchSize).")
        try require(lr > 0 && lr.isFinite, "--lr must be a positive number, got \(lr).")
        try require(warmupSteps >= 0, "--warmup-steps must be at least 0, got \(warmupSteps).")
        try require(lrFloor >= 0 && lrFloor <= 1, "--lr-floor must be in [0, 1], got \(lrFloor).")
        try require(weightDecay >= 0, "--weight-decay must be at least 0, got \(weightDecay).")
        try require(gradClip > 0, "--grad-clip must be positive, got \(gradClip).")
        try require(emaDecay >= 0 && emaDecay < 1, "--ema-decay must be in [0, 1), got \(emaDecay).")
        try require(timesteps >= 2, "--timesteps must be at least 2, got \(timesteps).")
        try require(architecture.width >= 1, "--width must be at least 1, got \(architecture.width).")
        try require(architecture.depth >= 1, "--depth must be at least 1, got \(architecture.depth).")
        try require(
            architecture.timeEmbedding >= 2 && architecture.timeEmbedding % 2 == 0,
            "--time-embedding must be an even number >= 2, got \(architecture.timeEmbedding).")
        try require(
            architecture.inputFrequencies == 0 || architecture.inputFrequencies >= 2,
            "--input-frequencies must be 0 (off) or at least 2, got \(architecture.inputFrequencies).")
        try require(architecture.inputScale > 0, "--input-scale must be positive, got \(architecture.inputScale).")
        try require(samples >= 1, "--samples must be at least 1, got \(samples).")
        try require(sampleSteps >= 1, "--sample-steps must be at least 1, got \(sampleSteps).")
        if process == .ddpm && [.ddpm, .ddim, .ddimEta1].contains(sampler) {
            try require(
                sampleSteps <= timesteps,
                "--sample-steps must be between 1 and --timesteps (\(timesteps)) for --sampler \(sampler.rawValue) on the DDPM chain, got \(sampleSteps)."
            )
        }
        do { try sampler.check(process: process) } catch { throw RunError.invalid("\(error)") }
        try require(sigmaMin > 0, "--sigma-min must be positive, got \(sigmaMin).")
        if let sigmaMax { try require(sigmaMax > sigmaMin, "--sigma-max must exceed --sigma-min (\(sigmaMin)), got \(sigmaMax).") }
        try require(levels >= 2, "--levels must be at least 2, got \(levels).")
        try require(
            lossWeighting == .simple || process.isContinuous,
            "--loss-weighting likelihood needs a continuous process (--process vp, ve or subvp), got --process \(process.rawValue).")
        try require(odeTolerance > 0 && odeTolerance < 1, "--ode-tolerance must be in (0, 1), got \(odeTolerance).")
        try require(correctorSteps >= 0, "--corrector-steps must be at least 0, got \(correctorSteps).")
        try require(snr > 0 && snr.isFinite, "--snr must be positive, got \(snr).")
        try require(langevinStepSize > 0 && langevinStepSize.isFinite, "--step-size must be positive, got \(langevinStepSize).")
        if let clip { try require(clip > 0, "--clip must be positive, got \(clip).") }
        if let noise { try require(noise >= 0 && noise.isFinite, "--noise must be at least 0, got \(noise).") }
        try require(threads >= 1 && threads <= 64, "--threads must be between 1 and 64, got \(threads).")
        try require(checkpointEvery >= 1, "--checkpoint-every must be at least 1, got \(checkpointEvery).")
        _ = try DiscreteDDPM(schedule: schedule, timesteps: timesteps)
        if model == .exact && dataset.mixture(noise: noise) == nil {
            throw RunError.invalid(
                "--model exact needs a dataset with a closed-form score; \(dataset.rawValue) has none. Datasets with one: \(ToyDataset.withExactScore.map(\.rawValue).joined(separator: ", "))."
            )
        }
    }
}

/// What denoises during sampling.
public enum ModelKind: String, CaseIterable, Codable, Sendable {
    /// An MLP trained on the dataset.
    case network
    /// The exact ε of a Gaussian-mixture dataset: samplers with no learning error.
    case exact
}

extension RunConfiguration {
    /// The forward process this configuration trains and samples with (σ_max must be resolved
    /// for VE and NCSN; see `ToyRun.start`).
    public func makeProcess() throws -> any NoiseProcess {
        switch process {
        case .ddpm: return try DiscreteDDPM(schedule: schedule, timesteps: timesteps)
        case .vp: return ContinuousProcess(VPSDE())
        case .subvp: return ContinuousProcess(SubVPSDE())
        case .ve: return ContinuousProcess(VESDE(sigmaMin: sigmaMin, sigmaMax: try resolvedSigmaMax()))
        case .ncsn: return NoiseLevels(sigmaMin: sigmaMin, sigmaMax: try resolvedSigmaMax(), levels: levels)
        }
    }

    func resolvedSigmaMax() throws -> Double {
        guard let sigmaMax else { throw RunError.invalid("--sigma-max was not resolved for --process \(process.rawValue).") }
        return sigmaMax
    }

    /// The sampling options of this configuration.
    public func samplingOptions(capture: Set<Int> = [], steps: Int? = nil) -> SamplingOptions {
        SamplingOptions(
            steps: steps ?? sampleSteps, variance: variance, clip: clip, capture: capture,
            noise: sharedNoise ? .brownian(seed: splitMix64(seed ^ 0xB_0B)) : .independent, odeMethod: odeMethod,
            odeTolerance: odeTolerance, correctorSteps: correctorSteps, snr: snr, predictor: predictor, denoise: denoise,
            langevinStepSize: langevinStepSize)
    }

    /// σ_max as Song et al. 2021 (technique 1 of Song & Ermon 2020) choose it: the largest
    /// Euclidean distance between two training points (over the first 2,000).
    public static func largestPairwiseDistance(_ data: [Float]) -> Double {
        let n = min(data.count / 2, 2000)
        var best: Float = 0
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let dx = data[2 * i] - data[2 * j], dy = data[2 * i + 1] - data[2 * j + 1]
                best = max(best, dx * dx + dy * dy)
            }
        }
        return Double(best.squareRoot())
    }
}

extension RunConfiguration {
    /// Decodes config.json. Runs from before the continuous processes lack their fields: those were
    /// DDPM runs with simple weighting, and the sampler settings they never used take the dataset's
    /// defaults, so older run folders still resume, re-sample and plot.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, or fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        dataset = try c.decode(ToyDataset.self, forKey: .dataset)
        let d = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
        noise = try c.decodeIfPresent(Double.self, forKey: .noise)
        dataSize = try c.decode(Int.self, forKey: .dataSize)
        trainSteps = try c.decode(Int.self, forKey: .trainSteps)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        lr = try c.decode(Double.self, forKey: .lr)
        warmupSteps = try c.decode(Int.self, forKey: .warmupSteps)
        lrFloor = try c.decode(Double.self, forKey: .lrFloor)
        weightDecay = try c.decode(Double.self, forKey: .weightDecay)
        gradClip = try c.decode(Double.self, forKey: .gradClip)
        emaDecay = try c.decode(Double.self, forKey: .emaDecay)
        timesteps = try c.decode(Int.self, forKey: .timesteps)
        schedule = try c.decode(ScheduleKind.self, forKey: .schedule)
        process = try value(.process, or: .ddpm)
        sigmaMin = try value(.sigmaMin, or: d.sigmaMin)
        sigmaMax = try c.decodeIfPresent(Double.self, forKey: .sigmaMax)
        levels = try value(.levels, or: d.levels)
        prediction = try c.decode(Prediction.self, forKey: .prediction)
        lossWeighting = try value(.lossWeighting, or: .simple)
        model = try c.decode(ModelKind.self, forKey: .model)
        architecture = try c.decode(DenoiserArchitecture.self, forKey: .architecture)
        samples = try c.decode(Int.self, forKey: .samples)
        sampler = try c.decode(SamplerKind.self, forKey: .sampler)
        sampleSteps = try c.decode(Int.self, forKey: .sampleSteps)
        variance = try c.decode(ReverseVariance.self, forKey: .variance)
        clip = try c.decodeIfPresent(Double.self, forKey: .clip)
        sharedNoise = try value(.sharedNoise, or: d.sharedNoise)
        odeMethod = try value(.odeMethod, or: d.odeMethod)
        odeTolerance = try value(.odeTolerance, or: d.odeTolerance)
        predictor = try value(.predictor, or: d.predictor)
        correctorSteps = try value(.correctorSteps, or: d.correctorSteps)
        snr = try value(.snr, or: d.snr)
        denoise = try value(.denoise, or: d.denoise)
        langevinStepSize = try value(.langevinStepSize, or: d.langevinStepSize)
        seed = try c.decode(UInt64.self, forKey: .seed)
        threads = try c.decode(Int.self, forKey: .threads)
        checkpointEvery = try c.decode(Int.self, forKey: .checkpointEvery)
    }
}
