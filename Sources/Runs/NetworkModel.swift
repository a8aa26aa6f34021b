import Diffusion
import Engine
import NN

/// An `MLPDenoiser` as samplers see it: evaluated without recording, one time for the batch.
public struct NetworkModel: DenoisingModel {
    public let network: MLPDenoiser
    public let prediction: Prediction

    public init(network: MLPDenoiser, prediction: Prediction) {
        self.network = network
        self.prediction = prediction
    }

    public func callAsFunction(_ x: Tensor, time: Float) -> Tensor {
        let tape = Tape(recording: false)
        return network(tape.constant(x), times: [Float](repeating: time, count: x.shape[0])).value
    }
}
