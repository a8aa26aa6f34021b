/// Errors a run reports to the user: each says what happened and what to do.
public enum RunError: Error, CustomStringConvertible {
    case invalid(String)
    case outputExists(path: String)
    case notWritable(path: String, reason: String)
    case diverged(step: Int, lastGood: Int?, directory: String, lr: Double, dataset: String)
    case interrupted(step: Int, directory: String, dataset: String)
    case notARun(path: String, missing: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let m): return m
        case .outputExists(let p):
            return "output folder '\(p)' exists and is not empty. Hint: pass --force to overwrite it, or --out to choose another folder."
        case .notWritable(let p, let r): return "cannot write to output folder '\(p)': \(r)"
        case .diverged(let step, let lastGood, let dir, let lr, let dataset):
            let kept =
                lastGood.map {
                    "The last good checkpoint (step \($0)) is kept in '\(dir)'; resume with: toy run \(dataset) --resume \(dir) --lr <lower>"
                }
                ?? "No checkpoint was written before it."
            return "loss became NaN or infinite at step \(step). \(kept). Hint: lower --lr (now \(lr))."
        case .interrupted(let step, let dir, let dataset):
            return "interrupted at step \(step); a resumable checkpoint is in '\(dir)'. Resume with: toy run \(dataset) --resume \(dir)"
        case .notARun(let p, let missing): return "'\(p)' is not a toy run folder: \(missing) is missing."
        case .io(let p, let r): return "cannot write '\(p)': \(r)"
        }
    }
}
