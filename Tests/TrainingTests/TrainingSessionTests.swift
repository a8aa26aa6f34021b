import Diffusion
import Engine
import Foundation
import NN
import Stats
import Testing
import Training

/// A small image denoiser defined outside the core, as the U-Net will be: [batch, 1, 4, 4] →
/// flatten → [x, emb(t) + E[y]] → Linear → SiLU → Linear → [batch, 1, 4, 4]. It records the labels
/// it was given.
final class TinyImageDenoiser: Denoiser {
    let hidden: Linear, output: Linear
    let labels: Embedding?
    let embedding = SinusoidalTimeEmbedding(dimension: 8)
    let classes: Int
    nonisolated(unsafe) var seenLabels: [Int] = []

    init(classes: Int = 0, seed: UInt64 = 1) {
        let rng = GSLRandom(seed: seed)
        hidden = Linear(name: "hidden", inFeatures: 24, outFeatures: 32, rng: rng)
        output = Linear(name: "output", inFeatures: 32, outFeatures: 16, rng: rng)
        labels = classes > 0 ? Embedding(name: "labels", count: classes + 1, width: 8, rng: rng) : nil
        self.classes = classes
    }

    var parameters: [Parameter] { hidden.parameters + output.parameters + (labels?.parameters ?? []) }
    var sampleShape: [Int] { [1, 4, 4] }
    func makeSibling() -> TinyImageDenoiser { TinyImageDenoiser(classes: classes, seed: 99) }

    func callAsFunction(_ x: Var, times: [Float], labels given: [Int]?) -> Var {
        let tape = x.tape
        let n = x.shape[0]
        var e = tape.constant(embedding(times))
        if let labels {
            let l = given ?? [Int](repeating: nullLabel, count: n)
            seenLabels += l
            e = e + labels(l, on: tape)
        }
        let h = tape.activation(hidden(tape.concatLastAxis([tape.reshape(x, [n, 16]), e])), .silu)
        return tape.reshape(output(h), [n, 1, 4, 4])
    }
}

@Suite struct TrainingSessionTests {
    /// Images of N(μ, s²) pixels, with two classes when asked.
    static func data(_ n: Int = 512, labelled: Bool = false) -> TrainingData {
        let rng = GSLRandom(seed: 7)
        let labels = (0..<n).map { $0 % 2 }
        let pixels = (0..<(16 * n)).map { i in Float(0.5 + 0.3 * rng.gaussian() + (labelled && labels[i / 16] == 1 ? 1 : 0)) }
        return TrainingData(samples: Tensor(shape: [n, 1, 4, 4], scalars: pixels), labels: labelled ? labels : nil, classes: labelled ? 2 : 0)
    }

    static func options(steps: Int = 400) -> TrainingOptions {
        var o = TrainingOptions()
        o.steps = steps
        o.batchSize = 64
        o.lr = 3e-3
        o.warmupSteps = 10
        return o
    }

    /// The core trains a network it knows only through `Denoiser`, on image-shaped data: the
    /// ε-loss falls well below 1, what predicting ε̂ = 0 scores (E‖ε‖²/d = 1).
    @Test func anImageDenoiserTrainsOnTheCore() throws {
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 100)
        let session = try TrainingSession(
            network: TinyImageDenoiser(), data: Self.data(), process: process, prediction: .epsilon, options: Self.options(), seed: 3)
        for _ in 0..<400 { session.trainStep() }
        let last = session.losses.suffix(100).reduce(0, +) / 100
        #expect(last < 0.6, "final loss \(last)")
        #expect(session.step == 400)
        let ema = try session.emaNetwork()
        #expect(ema.parameters.map(\.value) == session.network.parameters.map { session.ema.shadow[$0.name]! })
    }

    /// Checkpoint → restore into a fresh session continues bit for bit on image data.
    @Test func imageTrainingResumesExactly() throws {
        let process = ContinuousProcess(VPSDE())
        func session() throws -> TrainingSession<TinyImageDenoiser> {
            try TrainingSession(network: TinyImageDenoiser(), data: Self.data(), process: process, prediction: .v, options: Self.options(steps: 40), seed: 5)
        }
        let straight = try session()
        for _ in 0..<40 { straight.trainStep() }
        let first = try session()
        for _ in 0..<15 { first.trainStep() }
        let resumed = try session()
        try resumed.restore(first.checkpoint(), file: "memory")
        for _ in 15..<40 { resumed.trainStep() }
        #expect(straight.losses == resumed.losses)
        #expect(straight.network.parameters.map(\.value) == resumed.network.parameters.map(\.value))
        #expect(straight.ema.shadow == resumed.ema.shadow)
    }

    /// A conditional network sees each sample's own label, and ∅ with probability labelDropout.
    @Test(arguments: [0.0, 0.3])
    func labelsReachTheNetworkWithDropout(_ dropout: Double) throws {
        let network = TinyImageDenoiser(classes: 2)
        var o = Self.options(steps: 50)
        o.labelDropout = dropout
        let data = Self.data(labelled: true)
        let session = try TrainingSession(
            network: network, data: data, process: try DiscreteDDPM(schedule: .linear, timesteps: 100), prediction: .epsilon, options: o, seed: 2)
        for _ in 0..<50 { session.trainStep() }
        let seen = network.seenLabels
        #expect(seen.count == 50 * 64)
        let null = Double(seen.filter { $0 == 2 }.count) / Double(seen.count)
        #expect(abs(null - dropout) <= 4 * (dropout * (1 - dropout) / Double(seen.count)).squareRoot() + 1e-12, "∅ share \(null)")
        #expect(Set(seen).isSubset(of: [0, 1, 2]))
        // An unconditional network on labelled data, or a class count that disagrees, is refused.
        #expect(throws: TrainingError.self) {
            try TrainingSession(
                network: TinyImageDenoiser(classes: 3), data: data, process: try DiscreteDDPM(schedule: .linear, timesteps: 100),
                prediction: .epsilon, options: o, seed: 2)
        }
    }

    /// Data and network shapes must agree.
    @Test func mismatchedShapesAreRefused() throws {
        let points = TrainingData(samples: Tensor(shape: [10, 2], scalars: [Float](repeating: 0, count: 20)))
        #expect(throws: TrainingError.self) {
            try TrainingSession(
                network: TinyImageDenoiser(), data: points, process: ContinuousProcess(VPSDE()), prediction: .epsilon, options: Self.options(),
                seed: 0)
        }
    }
}

/// An op that fails on the tape (as a oneDNN error would) stops the step: NaN loss, the error
/// kept on the session, the weights untouched.
@Suite struct TapeFailureTests {
    struct Broken: Error {}

    final class FailingDenoiser: Denoiser {
        let inner = TinyImageDenoiser()
        var parameters: [Parameter] { inner.parameters }
        var sampleShape: [Int] { inner.sampleShape }
        var classes: Int { 0 }
        func makeSibling() -> FailingDenoiser { FailingDenoiser() }
        func callAsFunction(_ x: Var, times: [Float], labels: [Int]?) -> Var {
            x.tape.fail(Broken())
            return inner(x, times: times, labels: labels)
        }
    }

    @Test func aFailedOpStopsTheStepAndIsKept() throws {
        let network = FailingDenoiser()
        let before = network.parameters.map(\.value)
        let session = try TrainingSession(
            network: network, data: TrainingSessionTests.data(64), process: try DiscreteDDPM(schedule: .linear, timesteps: 50), prediction: .epsilon,
            options: TrainingSessionTests.options(steps: 5), seed: 1)
        #expect(session.trainStep().isNaN)
        #expect(session.failure is Broken)
        #expect(network.parameters.map(\.value) == before)
        #expect(session.step == 0)
    }
}
