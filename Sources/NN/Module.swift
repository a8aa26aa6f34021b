import Engine

/// A network part that owns parameters. Reference semantics: optimizers and EMA update the
/// parameters in place.
public protocol Module: AnyObject {
    /// Every trainable parameter, in a stable order with unique names.
    var parameters: [Parameter] { get }
}

extension Module {
    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Sets every parameter's gradient to zero.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Name → value of every parameter (what a checkpoint stores).
    public func stateDict() -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value) })
    }

    /// Loads values by name; throws when a name is missing or a shape differs.
    public func load(_ state: [String: Tensor]) throws {
        for p in parameters {
            guard let v = state[p.name] else { throw NNError.missingParameter(p.name) }
            guard v.shape == p.value.shape else { throw NNError.shapeMismatch(p.name, expected: p.value.shape, found: v.shape) }
            p.value = v
        }
    }
}

/// Errors of the NN module.
public enum NNError: Error, CustomStringConvertible {
    case missingParameter(String)
    case shapeMismatch(String, expected: [Int], found: [Int])
    case groups(layer: String, channels: Int, groups: Int)
    public var description: String {
        switch self {
        case .groups(let layer, let c, let g): return "\(layer): \(c) channels do not split into \(g) groups of equal size"
        case .missingParameter(let n): return "parameter '\(n)' is missing"
        case .shapeMismatch(let n, let e, let f): return "parameter '\(n)' has shape \(f), the model expects \(e)"
        }
    }
}
