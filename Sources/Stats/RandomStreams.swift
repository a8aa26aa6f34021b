/// Independent random streams derived from one run seed, so that changing how many points are
/// sampled does not change the training run (and vice versa).
public enum RandomStream: UInt64, CaseIterable, Sendable {
    case data = 1, timesteps, noise, sampling, initialization, evaluation, plotting
}

extension GSLRandom {
    /// The generator for `stream` of the run seeded with `seed`: seeds are mixed with SplitMix64
    /// (Steele et al. 2014) so neighbouring seeds and streams are decorrelated.
    public convenience init(seed: UInt64, stream: RandomStream) {
        self.init(seed: splitMix64(seed &* 0x9E37_79B9_7F4A_7C15 &+ stream.rawValue) & 0xFFFF_FFFF)
    }
}

/// SplitMix64's output function: a bijective 64-bit mixer.
public func splitMix64(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
