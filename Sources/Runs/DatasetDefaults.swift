import Datasets
import Diffusion
import ImageData
import Models
import Samplers
import Training

/// The tuned defaults of a dataset (its differences from the sections' own defaults): what `toy run NAME` uses for options not given, shown by
/// `toy list`. Tuned so `toy run swissroll` trains and samples in about 20 s on 2 cores and
/// meets the quality bars of Experiments/foundation-quality.sh.
public struct DatasetDefaults: Sendable {
    public var trainSteps = TrainingOptions().steps
    public var batchSize = TrainingOptions().batchSize
    public var lr = TrainingOptions().lr
    public var emaDecay = TrainingOptions().emaDecay
    public var width = ModelConfiguration().width
    public var depth = ModelConfiguration().depth
    public var timesteps = ProcessConfiguration().timesteps
    public var sampleSteps = SamplingConfiguration().steps
    public var schedule = ProcessConfiguration().schedule
    public var inputFrequencies = ModelConfiguration().inputFrequencies
    public var inputScale = ModelConfiguration().inputScale
    /// β̃_t keeps samples tighter (fewer off the data); β_t covers the data's extent better.
    public var variance = SamplingConfiguration().variance
    public var process = ProcessConfiguration().kind
    public var sampler = SamplingConfiguration().sampler
    /// VE/NCSN smallest noise and the Langevin step size ε (stable only for ε < 4σ_min²).
    public var sigmaMin = ProcessConfiguration().sigmaMin
    public var langevinStepSize = SamplingConfiguration().langevinStepSize
    /// Langevin steps per noise level when --sample-steps is not given (Song & Ermon 2019: 100).
    public var langevinStepsPerLevel = 100
    /// Image datasets: the U-Net, learning-rate warm-up, sampling's x₀ clip and the number of samples.
    public var unet: UNetConfiguration? = nil
    public var warmupSteps = TrainingOptions().warmupSteps
    public var clip = SamplingConfiguration().clip
    public var samples = SamplingConfiguration().samples

    public init() {}

    /// The defaults of `data`: its dataset's, or the general ones for a file.
    public static func forData(_ data: DataConfiguration) -> DatasetDefaults {
        if let images = data.images { return forImages(images) }
        return data.dataset.map(forDataset) ?? DatasetDefaults()
    }

    /// The recipe of an image dataset: the U-Net of Ho et al. (2020) at the size of W3 (channels
    /// 32·[1, 2, 2], two residual blocks per level, attention at the lowest resolution), 1,500 steps
    /// of batch 64 at learning rate 10⁻³, ε-prediction on the VP SDE (β from 0.1 to 20, Song et al.
    /// 2021; every sampler and `toy nll` fit it), and DDIM sampling (η = 0, 50 steps) with x₀ clipped
    /// to the pixel range [−1, 1]. Chosen by Experiments/image-recipe.sh: training, sampling, metrics
    /// and figures in about 16 minutes on 2 cores from a fresh machine; the DDPM chain gave samples
    /// of the same quality (Notebooks-md/image-recipe.md).
    public static func forImages(_ kind: ImageDatasetKind) -> DatasetDefaults {
        var d = DatasetDefaults()
        var u = UNetConfiguration()
        (u.inputChannels, u.resolution) = (kind.imageShape[0], kind.imageShape[1])
        u.attentionResolutions = [u.resolution >> (u.multipliers.count - 1)]
        d.unet = u
        d.trainSteps = 1500
        d.batchSize = 64
        d.lr = 1e-3
        d.warmupSteps = 100
        d.emaDecay = 0.999
        d.timesteps = 1000
        d.schedule = .linear
        d.process = .vp
        d.sampler = .ddim
        d.sampleSteps = 50
        d.clip = 1
        d.samples = 500
        return d
    }

    public static func forDataset(_ dataset: ToyDataset) -> DatasetDefaults {
        var d = DatasetDefaults()
        switch dataset {
        case .scurve:
            d.variance = .beta  // with β̃_t, recall fell 0.02 short of data-vs-data on seed 1
        case .gmm:
            d.inputScale = 2
            // Unit-variance modes: plain Langevin at σ_min must reach them in 1,000 steps (a = ε), and
            // ε/σ_min² ≈ 0.1 keeps the discretization bias of the annealed mode weights small.
            d.sigmaMin = 0.3
            d.langevinStepSize = 0.01
            d.langevinStepsPerLevel = 300  // 100 leave the 0.8/0.2 weights 0.01–0.03 short: mixing across modes is slow
        case .eightGaussians:
            // Likelihoods (toy nll) need a continuous process; the ODE samples it exactly. NLL on 2,000
            // held-out points: 2.905 at 12,000 steps, 2.843 at 30,000 with a longer EMA (entropy 2.832).
            d.trainSteps = 30000
            d.emaDecay = 0.999
            d.process = .vp
            d.sampler = .ode
        case .checkerboard:
            // As 8gaussians. NLL on 2,000 held-out points (entropy ln 32 = 3.466): 3.655 at 12,000
            // steps, 3.538 at 60,000, 3.526 at 100,000, 3.519 with EMA 0.999; wider, larger batches,
            // more data, other Fourier features and likelihood weighting do no better
            // (Experiments/likelihood.sh --ablation).
            d.trainSteps = 100_000
            d.emaDecay = 0.999
            d.process = .vp
            d.sampler = .ode
        default:
            break
        }
        return d
    }

    /// A complete configuration from these defaults; every other value is its section's default.
    public func configuration(for dataset: ToyDataset, seed: UInt64 = 0) -> RunConfiguration {
        configuration(data: DataConfiguration(dataset: dataset), seed: seed)
    }

    /// A complete configuration for `data` (a toy dataset, a file or images) from these defaults.
    public func configuration(data: DataConfiguration, seed: UInt64 = 0) -> RunConfiguration {
        var c = RunConfiguration(data: data)
        c.model.unet = unet
        c.training.warmupSteps = warmupSteps
        c.sampling.clip = clip
        c.sampling.samples = samples
        c.training.steps = trainSteps
        c.training.batchSize = batchSize
        c.training.lr = lr
        c.training.emaDecay = emaDecay
        c.model.width = width
        c.model.depth = depth
        c.model.inputFrequencies = inputFrequencies
        c.model.inputScale = inputScale
        c.process.kind = process
        c.process.schedule = schedule
        c.process.timesteps = timesteps
        c.process.sigmaMin = sigmaMin
        c.sampling.sampler = sampler
        c.sampling.steps = sampleSteps
        c.sampling.variance = variance
        c.sampling.langevinStepSize = langevinStepSize
        c.seed = seed
        return c
    }
}
