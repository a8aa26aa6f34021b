import Diffusion

/// The samplers toy offers, by CLI name: `sampler` is the one switch; what each sampler fits and
/// how it is described lives in its own file.
public enum SamplerKind: String, CaseIterable, Codable, Sendable {
    case ddpm, ddim
    case ddimEta1 = "ddim-eta1"
    case euler, heun
    case dpmSolver2M = "dpm++2m"
    case reverseSDE = "reverse-sde"
    case pc, ode, langevin
    case annealedLangevin = "annealed-langevin"

    /// The sampler with the settings of `c` (each sampler reads only its own).
    public func sampler(_ c: SamplingConfiguration) -> any Sampler {
        switch self {
        case .ddpm: DDPMAncestral(variance: c.variance)
        case .ddim: DDIM(eta: c.eta)
        case .ddimEta1: DDIM(eta: 1)
        case .euler: Euler(rho: c.rho)
        case .heun: Heun(rho: c.rho)
        case .dpmSolver2M: DPMSolverPlusPlus2M(rho: c.rho)
        case .reverseSDE: ReverseSDE(denoise: c.denoise)
        case .pc: PredictorCorrector(predictor: c.predictor, correctorSteps: c.correctorSteps, snr: c.snr, denoise: c.denoise)
        case .ode: ProbabilityFlowODE(method: c.odeMethod, tolerance: c.odeTolerance, denoise: c.denoise)
        case .langevin: Langevin(annealed: false, stepSize: c.langevinStepSize)
        case .annealedLangevin: Langevin(annealed: true, stepSize: c.langevinStepSize)
        }
    }

    /// The sampler with its default settings.
    public var sampler: any Sampler { sampler(SamplingConfiguration()) }

    /// The processes whose models this sampler can drive.
    public var processes: [ProcessKind] { sampler.processes }

    /// The process used when --process is not given.
    public var defaultProcess: ProcessKind { processes[0] }

    public var summary: String { sampler.summary }

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
