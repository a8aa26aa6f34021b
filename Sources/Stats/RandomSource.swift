/// A source of random numbers. Every stochastic function in toy takes one, so a seed plus a
/// configuration reproduces a run exactly (STYLE.md, "Randomness is a parameter").
public protocol RandomSource: AnyObject {
    /// A uniform draw on [0, 1).
    func uniform() -> Double
    /// A standard normal draw N(0, 1).
    func gaussian() -> Double
    /// A uniform integer in 0..<n.
    func uniformInt(below n: Int) -> Int
}

extension RandomSource {
    /// Fills `buffer` with independent N(0, 1) draws.
    public func fillGaussian(_ buffer: UnsafeMutableBufferPointer<Float>) {
        for i in buffer.indices { buffer[i] = Float(gaussian()) }
    }

    /// `count` independent N(0, 1) draws as Float.
    public func gaussians(_ count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, n in
            fillGaussian(buffer)
            n = count
        }
    }

    /// A categorical draw: index i with probability weights[i] / Σ weights.
    public func categorical(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "categorical: weights must have a positive sum, got \(weights)")
        var u = uniform() * total
        for (i, w) in weights.enumerated() {
            if u < w { return i }
            u -= w
        }
        return weights.count - 1
    }

    /// A random permutation of 0..<n (Fisher–Yates).
    public func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n < 2 { return p }
        for i in stride(from: n - 1, to: 0, by: -1) {
            p.swapAt(i, uniformInt(below: i + 1))
        }
        return p
    }
}
