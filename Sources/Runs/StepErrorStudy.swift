import Datasets
import Diffusion
import Engine
import Foundation
import Samplers
import Stats

/// The measurement behind `toy step-error`: how much of a σ-space sampler's error each step of the
/// Karras grid makes, on a model with no learning error — the exact score of the noised empirical
/// distribution of `configuration.data.size` training points (the mixture Σ_i N(x_i, 0) noised by
/// the process; the limit a network trained on those points approaches). `KarrasStepError` does
/// the measuring; this sets up the data, process and prior draw as `toy run` would.
public struct StepErrorStudy {
    public var configuration: RunConfiguration
    public var method: SamplerKind
    public var steps: Int
    public var substeps: Int

    public init(configuration: RunConfiguration, method: SamplerKind, steps: Int, substeps: Int) {
        self.configuration = configuration
        self.method = method
        self.steps = steps
        self.substeps = substeps
    }

    /// The steps' errors, and the median distance from a training point to its nearest neighbour
    /// (below about that σ the exact score pulls each sample to a single training point).
    public func run() throws -> (errors: [KarrasStepError], spacing: Double) {
        var c = configuration
        try c.data.validate()
        let source = try c.data.source(seed: c.seed)
        let points = c.trainingDraw(source).points
        if c.process.needsSigmaMax { c.process.sigmaMax = RunConfiguration.largestPairwiseDistance(points.flatMap { [Float($0.x), Float($0.y)] }) }
        let process = try c.makeProcess()
        guard ProcessKind.withMarginals.contains(c.process.kind) else {
            throw RunError.invalid(
                "--process \(c.process.kind.rawValue) has no probability-flow ODE; use one of \(ProcessKind.withMarginals.map(\.rawValue).joined(separator: ", ")).")
        }
        let model = GaussianMixtureModel(
            process: process, weights: [Double](repeating: 1, count: points.count), means: points,
            standardDeviations: [Double](repeating: 0, count: points.count))
        let rng = GSLRandom(seed: c.seed, stream: .sampling)
        let s = Float(process.priorStandardDeviation)
        let initial = Tensor(shape: [c.sampling.samples, 2], scalars: rng.gaussians(2 * c.sampling.samples).map { s * $0 })
        do {
            let errors = try KarrasStepError.measure(method: method, model: model, process: process, initial: initial, steps: steps, substeps: substeps)
            return (errors, Self.medianNearestNeighbourDistance(points))
        } catch let e as SamplerError { throw RunError.invalid(e.description) }
    }

    /// The median over points of the distance to the nearest other point (O(n²); n ≤ 100,000 by the flag's range).
    static func medianNearestNeighbourDistance(_ points: [SIMD2<Double>]) -> Double {
        guard points.count > 1 else { return 0 }
        let nearest = points.indices.map { i in
            var best = Double.infinity
            for j in points.indices where j != i {
                let d = points[i] - points[j]
                best = min(best, (d * d).sum())
            }
            return best.squareRoot()
        }.sorted()
        return nearest[nearest.count / 2]
    }
}
