/// The forward processes toy trains and samples with, by CLI name.
public enum ProcessKind: String, CaseIterable, Codable, Sendable {
    /// Discrete DDPM chain of T steps with a β schedule (Ho et al. 2020).
    case ddpm
    /// Variance-preserving SDE, β from 0.1 to 20 (Song et al. 2021).
    case vp
    /// Variance-exploding SDE, σ from σ_min to σ_max (Song et al. 2021).
    case ve
    /// Sub-VP SDE (Song et al. 2021, eq. 12).
    case subvp
    /// Noise-conditional score network levels: L geometric σ's (Song & Ermon 2019).
    case ncsn

    public var summary: String {
        switch self {
        case .ddpm: "discrete DDPM chain, --timesteps steps of --schedule (Ho et al. 2020)"
        case .vp: "variance-preserving SDE, β(t) from 0.1 to 20, t ~ U(1e-5, 1) (Song et al. 2021)"
        case .ve: "variance-exploding SDE, σ from --sigma-min to --sigma-max (default: the data's largest pairwise distance)"
        case .subvp: "sub-VP SDE, β(t) from 0.1 to 20 (Song et al. 2021, eq. 12)"
        case .ncsn: "noise-conditional score network, --levels geometric σ's from --sigma-max to --sigma-min (Song & Ermon 2019)"
        }
    }

    /// Processes described by their marginals α(t), σ(t) alone (grid samplers drive any of them).
    public static var withMarginals: [ProcessKind] { [.ddpm, .vp, .ve, .subvp] }
    /// Processes with a forward SDE (the SDE and ODE samplers need f and g).
    public static var withSDE: [ProcessKind] { [.vp, .ve, .subvp] }

    /// Whether the process is a continuous SDE.
    public var isContinuous: Bool { self == .vp || self == .ve || self == .subvp }
}
