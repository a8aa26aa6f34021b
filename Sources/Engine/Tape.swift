/// A trainable tensor: its value and the gradient accumulated into it by `Tape.backward`.
public final class Parameter {
    public let name: String
    public var value: Tensor
    public var grad: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.grad = Tensor(zeros: value.shape)
    }

    public func zeroGrad() {
        grad.scalars.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}

/// A node of a `Tape`: an index into its values. It holds the tape unowned, so nodes and the
/// pullbacks that capture node indices never form a retain cycle. On a non-recording tape the node
/// holds its value itself and the tape keeps none, so a forward pass frees each intermediate once
/// nothing uses it (a U-Net sampling step no longer holds every activation of the pass).
public struct Var {
    public let id: Int
    public unowned let tape: Tape
    @usableFromInline let held: Tensor?

    public var value: Tensor { held ?? tape.values[id] }
    public var shape: [Int] { held?.shape ?? tape.values[id].shape }
}

/// Reverse-mode automatic differentiation on a tape (Wengert list). Each op appends its value
/// and, when recording and some input needs a gradient, a pullback mapping the output's
/// gradient to its inputs' gradients (accumulated with +=, as in micrograd).
/// `Tape(recording: false)` evaluates only, for sampling.
public final class Tape {
    /// Maps the gradient of one node's output to gradients of its inputs.
    public typealias Pullback = (_ tape: Tape, _ outputGradient: Tensor) -> Void

    public let isRecording: Bool
    @usableFromInline var values: [Tensor] = []
    var grads: [Tensor?] = []
    @usableFromInline var needsGrad: [Bool] = []
    var pullbacks: [Pullback?] = []
    var parameters: [(id: Int, parameter: Parameter)] = []

    /// The first error an op met (a oneDNN failure): the op then returns zeros of its output's
    /// shape, and whoever runs the tape throws it with `checkFailure()` instead of aborting.
    public private(set) var failure: (any Error)?

    public init(recording: Bool = true) { isRecording = recording }

    /// Records `error` as the tape's failure (the first one wins).
    public func fail(_ error: any Error) { if failure == nil { failure = error } }

    /// Throws the first error an op met, if any.
    public func checkFailure() throws { if let failure { throw failure } }

    /// A leaf that needs no gradient.
    public func constant(_ value: Tensor) -> Var { append(value, needsGradient: false, pullback: nil) }

    /// A leaf input; with `requiresGradient`, `gradient(of:)` returns ∂loss/∂input after `backward`.
    public func input(_ value: Tensor, requiresGradient: Bool) -> Var {
        append(value, needsGradient: requiresGradient && isRecording, pullback: nil)
    }

    /// A leaf holding a parameter's current value; `backward` adds its gradient into `parameter.grad`.
    public func parameter(_ parameter: Parameter) -> Var {
        let v = append(parameter.value, needsGradient: isRecording, pullback: nil)
        if isRecording { parameters.append((v.id, parameter)) }
        return v
    }

    /// Whether gradients flow into `v`.
    public func needsGradient(_ v: Var) -> Bool { needsGrad[v.id] }

    /// Records the result of an op. `pullback` is kept only when recording and some input needs
    /// a gradient; build it lazily so non-recording tapes pay nothing for it.
    @inlinable
    public func record(_ value: Tensor, inputs: [Var], pullback: () -> Pullback) -> Var {
        let needs = isRecording && inputs.contains { needsGrad[$0.id] }
        return append(value, needsGradient: needs, pullback: needs ? pullback() : nil)
    }

    @usableFromInline
    func append(_ value: Tensor, needsGradient: Bool, pullback: Pullback?) -> Var {
        values.append(isRecording ? value : Self.released)
        grads.append(nil)
        needsGrad.append(needsGradient)
        pullbacks.append(pullback)
        return Var(id: values.count - 1, tape: self, held: isRecording ? nil : value)
    }

    /// How many floats the tape itself keeps alive (all its values when recording; none otherwise).
    public var keptScalarCount: Int { values.reduce(0) { $0 + $1.count } }

    /// What a non-recording tape keeps in place of a value (its nodes hold their own).
    @usableFromInline static let released = Tensor(shape: [0], scalars: [])

    /// Adds `gradient` into the gradient of node `v` (a no-op when `v` needs none).
    public func accumulate(_ v: Var, _ gradient: Tensor) {
        guard needsGrad[v.id] else { return }
        precondition(
            gradient.shape == values[v.id].shape,
            "accumulate: gradient shape \(gradient.shape) differs from value shape \(values[v.id].shape)")
        if grads[v.id] == nil {
            grads[v.id] = gradient
        } else {
            Kernels.addInPlace(&grads[v.id]!, gradient)
        }
    }

    /// Back-propagates from `output` (seeded with ones, or `seed`), then adds parameter gradients
    /// into each `Parameter.grad` unless `accumulateIntoParameters` is false (then read them
    /// with `parameterGradients()`, e.g. when several tapes run concurrently on one model).
    public func backward(_ output: Var, seed: Tensor? = nil, accumulateIntoParameters: Bool = true) {
        precondition(isRecording, "backward: the tape was created with recording: false")
        guard needsGrad[output.id] else { return }
        grads[output.id] = seed ?? Tensor(repeating: 1, shape: values[output.id].shape)
        for id in stride(from: output.id, through: 0, by: -1) {
            guard let pullback = pullbacks[id], let g = grads[id] else { continue }
            pullback(self, g)
            grads[id] = nil  // intermediate gradients are not needed again
        }
        guard accumulateIntoParameters else { return }
        for (id, parameter) in parameters {
            if let g = grads[id] { Kernels.addInPlace(&parameter.grad, g) }
        }
    }

    /// The gradient of each parameter used on this tape after `backward` (a parameter used twice
    /// appears twice; add them up).
    public func parameterGradients() -> [(parameter: Parameter, gradient: Tensor)] {
        parameters.compactMap { id, p in grads[id].map { (p, $0) } }
    }

    /// ∂output/∂v after `backward`, for a leaf created with `input(_:requiresGradient: true)`.
    public func gradient(of v: Var) -> Tensor? { grads[v.id] }
}
