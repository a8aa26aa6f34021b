import Engine

/// A model of the reverse process as samplers see it: a prediction of kind `prediction` for a
/// batch x_t [batch, d] at one time (a discrete timestep index for DDPM).
public protocol DenoisingModel {
    var prediction: Prediction { get }
    /// The raw prediction at x [batch, d], time `time`.
    func callAsFunction(_ x: Tensor, time: Float) -> Tensor
}
