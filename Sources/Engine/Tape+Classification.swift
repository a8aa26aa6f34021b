import Foundation

extension Tape {
    /// Mean cross-entropy of logits [n, k] against integer labels: (1/n)·Σᵣ [log Σⱼ e^{z_rj} − z_r,label]
    /// (log-sum-exp shifted by the row maximum, so large logits cannot overflow). Pullback:
    /// ∂z_rj = (softmax(z_r)ⱼ − [j = label_r])/n · ∂y.
    public func crossEntropy(_ logits: Var, labels: [Int]) -> Var {
        let zv = logits.value
        precondition(zv.rank == 2 && zv.shape[0] == labels.count, "crossEntropy: need logits [n, k] for \(labels.count) labels, got \(zv.shape)")
        let (n, k) = (zv.shape[0], zv.shape[1])
        precondition(labels.allSatisfy { $0 >= 0 && $0 < k }, "crossEntropy: labels must be in 0..<\(k)")
        var softmax = [Float](repeating: 0, count: n * k)
        var total = 0.0
        zv.scalars.withUnsafeBufferPointer { z in
            for r in 0..<n {
                let row = z[(r * k)..<((r + 1) * k)]
                let top = row.max()!
                var sum = 0.0
                for j in 0..<k { sum += Foundation.exp(Double(z[r * k + j] - top)) }
                for j in 0..<k { softmax[r * k + j] = Float(Foundation.exp(Double(z[r * k + j] - top)) / sum) }
                total += Foundation.log(sum) + Double(top) - Double(z[r * k + labels[r]])
            }
        }
        return record(Tensor(scalar: Float(total / Double(n))), inputs: [logits]) {
            { tape, dy in
                var g = Tensor(shape: [n, k], scalars: softmax)
                for r in 0..<n { g.scalars[r * k + labels[r]] -= 1 }
                let scale = dy.scalar / Float(n)
                for i in g.scalars.indices { g.scalars[i] *= scale }
                tape.accumulate(logits, g)
            }
        }
    }

    /// The mean over all positions of each image and channel: [n, c, h, w] (or NHWC) → [n, c]
    /// (global average pooling). Pullback: ∂x = ∂y[n, c]/(h·w) at every position.
    public func averagePositions(_ x: Var, layout: ImageLayout = .nchw) -> Var {
        let xv = x.value
        precondition(xv.rank == 4, "averagePositions: need a rank-4 input, got \(xv.shape)")
        let (n, c, h, w) = layout.dimensions(xv.shape)
        let p = h * w
        func index(_ s: Int, _ ch: Int, _ q: Int) -> Int { layout == .nchw ? (s * c + ch) * p + q : (s * p + q) * c + ch }
        var y = Tensor(zeros: [n, c])
        for s in 0..<n {
            for ch in 0..<c {
                var total = 0.0
                for q in 0..<p { total += Double(xv.scalars[index(s, ch, q)]) }
                y.scalars[s * c + ch] = Float(total / Double(p))
            }
        }
        return record(y, inputs: [x]) {
            { tape, dy in
                var dx = Tensor(zeros: xv.shape)
                for s in 0..<n { for ch in 0..<c { let g = dy.scalars[s * c + ch] / Float(p); for q in 0..<p { dx.scalars[index(s, ch, q)] = g } } }
                tape.accumulate(x, dx)
            }
        }
    }
}
