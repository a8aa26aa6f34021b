import Datasets
import Diffusion
import Engine
import Models
import Stats
import Training

/// The 2-D application on the shape-generic core: a configuration's toy data (with labels when
/// the model is conditional) and its MLP, handed to a `TrainingSession`.
extension RunConfiguration {
    /// The training draw of this configuration (from the data stream only) with its labels.
    public func trainingDraw() -> LabeledPoints {
        data.dataset.sampleLabeled(data.size, noise: data.noise, rng: GSLRandom(seed: seed, stream: .data))
    }

    /// The MLP of this configuration, initialized from the initialization stream.
    public func makeNetwork(process: any NoiseProcess) -> MLPDenoiser {
        MLPDenoiser(
            model.architecture(classes: data.dataset.classes), cachedTimesteps: process.discreteSteps ?? 0,
            rng: GSLRandom(seed: seed, stream: .initialization))
    }

    /// A fresh training session on `draw` (the training draw).
    public func makeSession(draw: LabeledPoints) throws -> TrainingSession<MLPDenoiser> {
        let process = try makeProcess()
        let data = TrainingData(
            samples: Tensor(points: draw.points), labels: model.conditional ? draw.labels : nil,
            classes: model.conditional ? data.dataset.classes : 0)
        do {
            return try TrainingSession(
                network: makeNetwork(process: process), data: data, process: process, prediction: self.process.prediction,
                lossWeighting: self.process.lossWeighting, options: training, seed: seed)
        } catch let e as TrainingError { throw RunError.invalid(e.description) }
    }

    /// What checkpoint.safetensors and model.safetensors record beside the weights.
    func checkpointMetadata() throws -> [String: String] { ["configuration": try canonicalJSON(self)] }

    func modelMetadata() throws -> [String: String] {
        [
            "architecture": try canonicalJSON(model.architecture(classes: data.dataset.classes)), "prediction": process.prediction.rawValue,
            "schedule": process.schedule.rawValue, "timesteps": "\(process.timesteps)",
        ]
    }
}

extension Tensor {
    /// Points as a [n, 2] tensor (x, y interleaved).
    public init(points: [SIMD2<Double>]) {
        self.init(shape: [points.count, 2], scalars: points.flatMap { [Float($0.x), Float($0.y)] })
    }
}
