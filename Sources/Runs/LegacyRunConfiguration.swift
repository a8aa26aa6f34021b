import Datasets
import Diffusion
import Models
import Samplers
import Stats

/// The flat configuration of runs written before configurations had sections (one 37-field
/// struct). Decoded only, and converted: older run folders still resume, re-sample and plot.
struct LegacyRunConfiguration: Decodable {
    var dataset: ToyDataset
    /// Generator noise; nil = the dataset's convention.
    var noise: Double?
    /// Size of the training draw (data.csv).
    var dataSize: Int
    var trainSteps: Int
    var batchSize: Int
    /// Peak learning rate of Adam.
    var lr: Double
    var warmupSteps: Int
    /// Final learning rate as a fraction of the peak (cosine decay).
    var lrFloor: Double
    var weightDecay: Double
    /// Global gradient-norm clip.
    var gradClip: Double
    var emaDecay: Double
    var timesteps: Int
    var schedule: ScheduleKind
    /// The forward process: the DDPM chain, an SDE or NCSN noise levels.
    var process: ProcessKind
    /// VE and NCSN noise range; σ_max nil until resolved from the training draw.
    var sigmaMin: Double
    var sigmaMax: Double?
    /// NCSN noise levels L.
    var levels: Int
    var prediction: Prediction
    var lossWeighting: LossWeighting
    /// A trained network, or the closed-form denoiser of a Gaussian-mixture dataset (no training).
    var model: ModelKind
    var architecture: DenoiserArchitecture
    var samples: Int
    var sampler: SamplerKind
    var sampleSteps: Int
    var variance: ReverseVariance
    /// x₀ clip during sampling; nil = none.
    var clip: Double?
    /// Stochastic samplers draw their noise from one Brownian path (shared across step counts).
    var sharedNoise: Bool
    var odeMethod: ODEMethod
    var odeTolerance: Double
    var predictor: Predictor
    var correctorSteps: Int
    var snr: Double
    /// SDE samplers finish with Tweedie's x̂₀.
    var denoise: Bool
    var langevinStepSize: Double
    var seed: UInt64
    var threads: Int
    /// Steps between resumable checkpoints.
    var checkpointEvery: Int

    enum CodingKeys: String, CodingKey {
        case dataset, noise, dataSize, trainSteps, batchSize, lr, warmupSteps, lrFloor, weightDecay, gradClip, emaDecay
        case timesteps, schedule, process, sigmaMin, sigmaMax, levels, prediction, lossWeighting, model, architecture
        case samples, sampler, sampleSteps, variance, clip, sharedNoise, odeMethod, odeTolerance, predictor, correctorSteps
        case snr, denoise, langevinStepSize, seed, threads, checkpointEvery
    }

    /// Decodes config.json. Runs from before the continuous processes lack their fields: those were
    /// DDPM runs with simple weighting, and the sampler settings they never used take the dataset's
    /// defaults, so older run folders still resume, re-sample and plot.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, or fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        dataset = try c.decode(ToyDataset.self, forKey: .dataset)
        let d = DatasetDefaults.forDataset(dataset).configuration(for: dataset)
        let (p, sm) = (d.process, d.sampling)
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
        sigmaMin = try value(.sigmaMin, or: p.sigmaMin)
        sigmaMax = try c.decodeIfPresent(Double.self, forKey: .sigmaMax)
        levels = try value(.levels, or: p.levels)
        prediction = try c.decode(Prediction.self, forKey: .prediction)
        lossWeighting = try value(.lossWeighting, or: .simple)
        model = try c.decode(ModelKind.self, forKey: .model)
        architecture = try c.decode(DenoiserArchitecture.self, forKey: .architecture)
        samples = try c.decode(Int.self, forKey: .samples)
        sampler = try c.decode(SamplerKind.self, forKey: .sampler)
        sampleSteps = try c.decode(Int.self, forKey: .sampleSteps)
        variance = try c.decode(ReverseVariance.self, forKey: .variance)
        clip = try c.decodeIfPresent(Double.self, forKey: .clip)
        sharedNoise = try value(.sharedNoise, or: sm.sharedNoise)
        odeMethod = try value(.odeMethod, or: sm.odeMethod)
        odeTolerance = try value(.odeTolerance, or: sm.odeTolerance)
        predictor = try value(.predictor, or: sm.predictor)
        correctorSteps = try value(.correctorSteps, or: sm.correctorSteps)
        snr = try value(.snr, or: sm.snr)
        denoise = try value(.denoise, or: sm.denoise)
        langevinStepSize = try value(.langevinStepSize, or: sm.langevinStepSize)
        seed = try c.decode(UInt64.self, forKey: .seed)
        threads = try c.decode(Int.self, forKey: .threads)
        checkpointEvery = try c.decode(Int.self, forKey: .checkpointEvery)
    }

    /// The same run in sections.
    var converted: RunConfiguration {
        var c = RunConfiguration(data: DataConfiguration(dataset: dataset))
        c.data.noise = noise
        c.data.size = dataSize
        c.training.steps = trainSteps
        c.training.batchSize = batchSize
        c.training.lr = lr
        c.training.warmupSteps = warmupSteps
        c.training.lrFloor = lrFloor
        c.training.weightDecay = weightDecay
        c.training.gradClip = gradClip
        c.training.emaDecay = emaDecay
        c.training.checkpointEvery = checkpointEvery
        c.process.timesteps = timesteps
        c.process.schedule = schedule
        c.process.kind = process
        c.process.sigmaMin = sigmaMin
        c.process.sigmaMax = sigmaMax
        c.process.levels = levels
        c.process.prediction = prediction
        c.process.lossWeighting = lossWeighting
        c.model.kind = model
        c.model.width = architecture.width
        c.model.depth = architecture.depth
        c.model.activation = architecture.activation
        c.model.timeEmbedding = architecture.timeEmbedding
        c.model.inputFrequencies = architecture.inputFrequencies
        c.model.inputScale = architecture.inputScale
        c.model.residual = architecture.residual
        c.sampling.samples = samples
        c.sampling.sampler = sampler
        c.sampling.steps = sampleSteps
        c.sampling.variance = variance
        c.sampling.clip = clip
        c.sampling.sharedNoise = sharedNoise
        c.sampling.odeMethod = odeMethod
        c.sampling.odeTolerance = odeTolerance
        c.sampling.predictor = predictor
        c.sampling.correctorSteps = correctorSteps
        c.sampling.snr = snr
        c.sampling.denoise = denoise
        c.sampling.langevinStepSize = langevinStepSize
        c.seed = seed
        c.threads = threads
        return c
    }
}
