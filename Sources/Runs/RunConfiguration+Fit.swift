import Diffusion
import Samplers

extension RunConfiguration {
    /// Makes sampler and process fit each other as `toy run` does: a sampler given alone brings
    /// the first process it fits, a process given alone brings its usual sampler (DDPM ancestral,
    /// predictor–corrector for SDEs, annealed Langevin for NCSN levels).
    public mutating func fitSamplerAndProcess(samplerGiven: Bool, processGiven: Bool) {
        if !processGiven && samplerGiven && !sampling.sampler.processes.contains(process.kind) {
            process.kind = sampling.sampler.defaultProcess
        }
        if !samplerGiven && !sampling.sampler.processes.contains(process.kind) {
            sampling.sampler = process.kind == .ncsn ? .annealedLangevin : process.kind.isContinuous ? .pc : .ddpm
        }
    }

    /// The default step count of the chosen sampler: `langevinStepsPerLevel` per noise level for
    /// Langevin, else the dataset's sample steps (at most the chain's length).
    public mutating func defaultSampleSteps(_ d: DatasetDefaults) {
        let langevin = sampling.sampler == .langevin || sampling.sampler == .annealedLangevin
        sampling.steps = langevin ? d.langevinStepsPerLevel * process.levels : min(d.sampleSteps, process.timesteps)
    }
}
