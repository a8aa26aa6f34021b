import Diffusion
import Engine

/// What the SDE samplers share: the process's SDE (or an error naming the sampler), the score of
/// the model at continuous time t, and the optional final denoising step x̂₀ = E[x₀ | x_t]
/// (Tweedie's formula, Efron 2011: x̂₀ = (x_t + σ²∇log p_t)/α).
struct SDEContext {
    let model: any DenoisingModel
    let process: any NoiseProcess
    let sde: any ForwardSDE

    init(sampler: String, model: any DenoisingModel, process: any NoiseProcess) throws {
        guard let sde = process.sde else { throw SamplerError.needsSDE(sampler: sampler) }
        self.model = model
        self.process = process
        self.sde = sde
    }

    func score(_ x: Tensor, _ t: Double) -> Tensor {
        let (a, s) = process.marginal(at: t)
        return model.score(x, time: t, alpha: a, sigma: s).score
    }

    func denoised(_ x: Tensor, _ t: Double, clip: Double?) -> Tensor {
        let (a, s) = process.marginal(at: t)
        return model.denoised(x, time: t, alpha: a, sigma: s, clip: clip)
    }
}
