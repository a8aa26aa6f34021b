import Engine
import Stats
import Testing

/// Central finite differences of a scalar function of one leaf, against the tape's gradient.
/// Float needs a step near 1e-2 and a relative tolerance of a few 1e-3: a wrong formula is off
/// by order 1, so the check still catches it.
func checkGradient(
    _ input: Tensor, step h: Float = 1e-2, tolerance: Float = 2e-2,
    _ f: (Tape, Var) -> Var
) {
    let tape = Tape()
    let x = tape.input(input, requiresGradient: true)
    let y = f(tape, x)
    tape.backward(y)
    let analytic = tape.gradient(of: x) ?? Tensor(zeros: input.shape)
    for i in 0..<input.count {
        var plus = input, minus = input
        plus.scalars[i] += h
        minus.scalars[i] -= h
        let tp = Tape(recording: false), tm = Tape(recording: false)
        let fp = Double(f(tp, tp.constant(plus)).value.scalar)
        let fm = Double(f(tm, tm.constant(minus)).value.scalar)
        let numeric = Float((fp - fm) / (2 * Double(h)))
        let scale = max(1, abs(numeric), abs(analytic.scalars[i]))
        #expect(
            abs(numeric - analytic.scalars[i]) <= tolerance * scale,
            "element \(i): numeric \(numeric), analytic \(analytic.scalars[i])")
    }
}

/// A random tensor with entries N(0, s²).
func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
    let rng = GSLRandom(seed: seed)
    return Tensor(shape: shape, scalars: rng.gaussians(shape.reduce(1, *)).map { $0 * scale })
}

/// Reduces an op's output to a scalar with fixed random weights, so every output element
/// contributes a distinct amount: L = Σ r ⊙ y.
func weightedSum(_ tape: Tape, _ y: Var, seed: UInt64 = 99) -> Var {
    let r = tape.constant(randomTensor(y.shape, seed: seed))
    return tape.sum(tape.multiply(y, r))
}

/// The tape's gradients `analytic` (one array per operand) against central differences of a
/// Double reference `loss` of the operands, entry by entry: |analytic − numeric| ≤ tolerance ·
/// max(1, |numeric|). For ops whose reference is written in Double, so the tolerance can be tight.
func expectGradients(
    _ analytic: [[Float]], of operands: [[Double]], step h: Double, tolerance: Double, _ label: String, _ loss: ([[Double]]) -> Double
) {
    var x = operands
    for which in x.indices {
        for k in x[which].indices {
            x[which][k] += h
            let plus = loss(x)
            x[which][k] -= 2 * h
            let minus = loss(x)
            x[which][k] += h
            let numeric = (plus - minus) / (2 * h)
            #expect(
                abs(Double(analytic[which][k]) - numeric) <= tolerance * max(1, abs(numeric)),
                "\(label) operand \(which) element \(k): \(analytic[which][k]) vs \(numeric)")
        }
    }
}
