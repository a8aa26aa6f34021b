import Datasets
import Diffusion
import Engine
import Models
import Stats
import Training

/// The 2-D application on the shape-generic core: a configuration's toy data (with labels when
/// the model is conditional) and its MLP, handed to a `TrainingSession`.
extension RunConfiguration {
    /// The training draw of this configuration from `source` (toy data: from the data stream only).
    public func trainingDraw(_ source: DataSource) -> LabeledPoints { source.trainingDraw(size: data.size, seed: seed) }

    /// The MLP of this configuration for data with `classes`, initialized from the initialization stream.
    public func makeNetwork(process: any NoiseProcess, classes: Int) -> MLPDenoiser {
        MLPDenoiser(
            model.architecture(classes: classes), cachedTimesteps: process.discreteSteps ?? 0, rng: GSLRandom(seed: seed, stream: .initialization))
    }

    /// A fresh training session on `draw` (the training draw) with `classes` classes.
    public func makeSession(draw: LabeledPoints, classes: Int) throws -> TrainingSession<MLPDenoiser> {
        let process = try makeProcess()
        let data = TrainingData(
            samples: Tensor(points: draw.points), labels: model.conditional ? draw.labels : nil, classes: model.conditional ? classes : 0)
        do {
            return try TrainingSession(
                network: makeNetwork(process: process, classes: classes), data: data, process: process, prediction: self.process.prediction,
                lossWeighting: self.process.lossWeighting, options: training, seed: seed)
        } catch let e as TrainingError { throw RunError.invalid(e.description) }
    }

    /// A fresh training session on this configuration's own data.
    public func makeSession() throws -> TrainingSession<MLPDenoiser> {
        let source = try data.source(seed: seed)
        return try makeSession(draw: trainingDraw(source), classes: source.classes)
    }

    /// The model samplers use: `network` conditioned on `labels` (a conditional network's), with
    /// classifier-free guidance when `sampling.guidanceScale` > 0 and classifier guidance by
    /// `classifier` towards `labels` when `sampling.classifierScale` > 0.
    public func samplingModel<N: Denoiser>(
        _ network: N, process: any NoiseProcess, labels: [Int]?, classifier: (any NoisyClassifier)? = nil
    ) -> any DenoisingModel {
        let model = NetworkModel(network: network, prediction: self.process.prediction, process: process, labels: network.classes > 0 ? labels : nil)
        let guided: any DenoisingModel = sampling.guidanceScale > 0 ? ClassifierFreeGuidance(model, scale: sampling.guidanceScale) : model
        guard sampling.classifierGuidance > 0, let labels else { return guided }
        precondition(classifier != nil, "samplingModel: classifier guidance without a classifier")
        return ClassifierGuidance(guided, classifier: classifier!, process: process, labels: labels, scale: sampling.classifierGuidance)
    }

    /// What checkpoint.safetensors and model.safetensors record beside the weights.
    func checkpointMetadata() throws -> [String: String] { ["configuration": try canonicalJSON(self)] }

    func modelMetadata(classes: Int) throws -> [String: String] {
        [
            "architecture": try canonicalJSON(model.architecture(classes: classes)), "prediction": process.prediction.rawValue,
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
