import Diffusion

/// The samplers toy offers, by CLI name, with the processes each applies to.
public enum SamplerKind: String, CaseIterable, Codable, Sendable {
    case ddpm, ddim
    case ddimEta1 = "ddim-eta1"
    case euler, heun
    case dpmSolver2M = "dpm++2m"
    case reverseSDE = "reverse-sde"
    case pc, ode, langevin
    case annealedLangevin = "annealed-langevin"

    public var sampler: any Sampler {
        switch self {
        case .ddpm: DDPMAncestral()
        case .ddim: DDIM(eta: 0)
        case .ddimEta1: DDIM(eta: 1)
        case .euler: Euler()
        case .heun: Heun()
        case .dpmSolver2M: DPMSolverPlusPlus2M()
        case .reverseSDE: ReverseSDE()
        case .pc: PredictorCorrector()
        case .ode: ProbabilityFlowODE()
        case .langevin: Langevin(annealed: false)
        case .annealedLangevin: Langevin(annealed: true)
        }
    }

    /// The processes whose models this sampler can drive. Grid samplers need only α(t) and σ(t);
    /// SDE samplers need f and g; Langevin needs noise levels with α = 1.
    public var processes: [ProcessKind] {
        switch self {
        case .ddpm, .ddim, .ddimEta1, .euler, .heun, .dpmSolver2M: [.ddpm, .vp, .ve, .subvp]
        case .reverseSDE, .pc, .ode: [.vp, .ve, .subvp]
        case .langevin, .annealedLangevin: [.ncsn]
        }
    }

    /// The process used when --process is not given.
    public var defaultProcess: ProcessKind { processes[0] }

    /// Whether the sampler is deterministic given its start.
    public var isDeterministic: Bool { [.ddim, .euler, .heun, .dpmSolver2M, .ode].contains(self) }

    /// Steps that spend about `evaluations` model evaluations (the ODE's are set by its tolerance).
    public func steps(forEvaluations evaluations: Int, options: SamplingOptions) -> Int {
        switch self {
        case .heun: max(1, (evaluations + 1) / 2)
        case .reverseSDE: max(1, evaluations - (options.denoise ? 1 : 0))
        case .pc: max(1, (evaluations - (options.denoise ? 1 : 0)) / (1 + options.correctorSteps))
        default: max(1, evaluations)
        }
    }

    public var summary: String {
        switch self {
        case .ddpm: "DDPM ancestral sampling, variance β or β̃, on any subsequence of timesteps (Ho et al. 2020, alg. 2)"
        case .ddim: "DDIM with η = 0: deterministic, invertible (Song, Meng & Ermon 2021, eq. 12)"
        case .ddimEta1: "DDIM with η = 1: ancestral sampling with β̃ written in DDIM form"
        case .euler: "Euler on the probability-flow ODE in σ-space, Karras grid (Karras et al. 2022)"
        case .heun: "Heun's 2nd-order method on the Karras grid, 2N − 1 evaluations (Karras et al. 2022, alg. 1)"
        case .dpmSolver2M: "DPM-Solver++(2M), multistep 2nd order, Karras grid (Lu et al. 2022)"
        case .reverseSDE: "Euler–Maruyama on the reverse-time SDE (Song et al. 2021, eq. 6)"
        case .pc: "predictor–corrector: reverse diffusion + Langevin corrector with --snr (Song et al. 2021, alg. 4–5)"
        case .ode: "probability-flow ODE with GSL's adaptive rk8pd/rkf45 (Song et al. 2021, eq. 13); NFE as used"
        case .langevin: "plain Langevin dynamics at the smallest noise level (Song & Ermon 2019)"
        case .annealedLangevin: "annealed Langevin dynamics over the NCSN levels (Song & Ermon 2019, alg. 1)"
        }
    }

    /// Checks the sampler applies to `process`, naming the combinations that work.
    public func check(process: ProcessKind) throws {
        guard processes.contains(process) else {
            let table = Self.allCases.map { "\($0.rawValue): \($0.processes.map(\.rawValue).joined(separator: "|"))" }
            throw SamplerMismatch(
                message:
                    "--sampler \(rawValue) does not apply to --process \(process.rawValue); it works with --process \(processes.map(\.rawValue).joined(separator: ", ")). All combinations: \(table.joined(separator: "; "))."
            )
        }
    }
}

/// A sampler asked to drive a process it does not apply to.
public struct SamplerMismatch: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
