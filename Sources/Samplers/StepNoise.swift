import Diffusion
import Stats

/// Standard normal noise for one step of a time-stepping sampler, from → to in process time:
/// fresh draws from the sampler's generator, or the normalized increment of a Brownian path.
struct StepNoise {
    let tree: BrownianTree?
    let rng: any RandomSource
    let process: any NoiseProcess

    init(_ mode: NoiseMode, count: Int, process: any NoiseProcess, rng: some RandomSource) {
        if case .brownian(let seed) = mode { tree = BrownianTree(seed: seed, components: count) } else { tree = nil }
        self.rng = rng
        self.process = process
    }

    func draw(_ count: Int, from t: Double, to s: Double) -> [Float] {
        guard let tree else { return rng.gaussians(count) }
        return tree.normalizedIncrement(from: process.unitTime(t), to: process.unitTime(s)).map(Float.init)
    }
}
