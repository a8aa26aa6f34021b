extension Tape {
    /// 2-D convolution y = x ⋆ W + b (PyTorch's Conv2d: x [n, c, h, w] — or [n, h, w, c] with
    /// `layout: .nhwc`, [n, c/b, h, w, b] with `.blocked` — W [o, c, kh, kw], b [o], stride s and zero
    /// padding p on both axes) on oneDNN (`ConvolutionPlan`); y in x's layout. Pullbacks: ∂x is the
    /// transposed convolution of ∂y with W, ∂W the correlation of x with ∂y, ∂b = Σ_{n,h,w} ∂y.
    /// A oneDNN failure is recorded on the tape (`failure`) and the output is zeros.
    public func conv2d(_ x: Var, weight: Var, bias: Var?, stride: Int = 1, padding: Int = 0, layout: ImageLayout = .nchw) -> Var {
        let geometry = ConvolutionGeometry(
            input: x.shape, weight: weight.shape, stride: stride, padding: padding, hasBias: bias != nil, layout: layout)
        if let bias { precondition(bias.shape == [geometry.outChannels], "conv2d: bias must be [\(geometry.outChannels)], got \(bias.shape)") }
        let (xv, wv) = (x.value, weight.value)
        let y: Tensor
        let plan: ConvolutionPlan
        do {
            plan = try ConvolutionPlan.plan(geometry)
            y = try plan.forward(xv, weight: wv, bias: bias?.value)
        } catch {
            fail(error)
            return constant(Tensor(zeros: geometry.outputShape))
        }
        var inputs = [x, weight]
        if let bias { inputs.append(bias) }
        return record(y, inputs: inputs) {
            { tape, dy in
                do {
                    if tape.needsGradient(x) { tape.accumulate(x, try plan.inputGradient(dy, weight: wv)) }
                    if tape.needsGradient(weight) || (bias.map(tape.needsGradient) ?? false) {
                        let (dw, db) = try plan.weightGradient(xv, dy)
                        if tape.needsGradient(weight) { tape.accumulate(weight, dw) }
                        if let bias, let db, tape.needsGradient(bias) { tape.accumulate(bias, db) }
                    }
                } catch {
                    tape.fail(error)
                }
            }
        }
    }
}
