import Foundation
import Diffusion
import Engine
import Models
import NN
import Stats
import Testing
import Training

@Suite struct UNetTests {
    /// The W3 benchmark's network: 1,556,097 parameters (the PyTorch module's count), PyTorch's
    /// names and shapes, and an output of exactly zero at the start (conv_out starts at zero).
    @Test func theW3NetworkHasThePyTorchModulesParameters() throws {
        let net = try UNet(UNetConfiguration(), seed: 0)
        #expect(net.parameterCount == 1_556_097)
        let shapes = Dictionary(uniqueKeysWithValues: net.parameters.map { ($0.name, $0.value.shape) })
        #expect(shapes.count == net.parameters.count)  // names are unique
        #expect(shapes["temb.0.weight"] == [128, 32] && shapes["temb.2.weight"] == [128, 128])
        #expect(shapes["conv_in.weight"] == [32, 1, 3, 3])
        #expect(shapes["down.2.c.weight"] == [32, 32, 3, 3] && shapes["down.3.skip.weight"] == [64, 32, 1, 1])
        #expect(shapes["down.8.qkv.weight"] == [192, 64, 1, 1] && shapes["down.8.o.weight"] == [64, 64, 1, 1])
        #expect(shapes["mid_attn.n.weight"] == [64] && shapes["mid1.tp.weight"] == [64, 128])
        #expect(shapes["up.0.c1.weight"] == [64, 128, 3, 3] && shapes["up.3.c.weight"] == [64, 64, 3, 3])
        #expect(shapes["up.6.c1.weight"] == [64, 96, 3, 3] && shapes["up.8.c1.weight"] == [32, 96, 3, 3])
        #expect(shapes["up.10.c1.weight"] == [32, 64, 3, 3] && shapes["n_out.weight"] == [32] && shapes["conv_out.weight"] == [1, 32, 3, 3])
        #expect(shapes["up.11.c1.weight"] == nil)
        let tape = Tape(recording: false)
        let y = net(tape.constant(Tensor(repeating: 0.3, shape: [2, 1, 28, 28])), times: [10, 900])
        try tape.checkFailure()
        #expect(y.shape == [2, 1, 28, 28] && y.value.scalars.allSatisfy { $0 == 0 })
    }

    @Test func configurationsThatCannotWorkAreRefusedClearly() {
        var c = UNetConfiguration()
        c.resolution = 30
        #expect(throws: UNetError.self) { try UNet(c, seed: 0) }
        #expect((try? c.validate()) == nil)
        do { try c.validate() } catch { #expect("\(error)".contains("resolution 30") && "\(error)".contains("4, 8, 12")) }
        c = UNetConfiguration()
        c.baseChannels = 20  // 20 channels in 8 groups
        do {
            _ = try UNet(c, seed: 0)
            Issue.record("20 channels in 8 groups was accepted")
        } catch { #expect("\(error)".contains("--groups 8") && "\(error)".contains("20, 20, 40, 40")) }
        // A blocked inside needs whole channel blocks (4 channels never fill one); NCHW is the outside.
        c = UNetConfiguration()
        (c.baseChannels, c.groups) = (4, 4)
        #expect((try? UNet(c, seed: 0))?.layout == .nhwc)
        #expect(throws: UNetError.self) { try UNet(c, seed: 0, layout: .blocked) }
        #expect(throws: UNetError.self) { try UNet(c, seed: 0, layout: .nchw) }
    }

    /// Multi-head attention against its definition computed in Double: GroupNorm, the q/k/v
    /// projection, softmax(q_h·k_hᵀ/√d)·v_h per head of d = C/heads channels, the output
    /// projection and the residual. Random (non-zero) projections so every head matters; one head
    /// and two heads give different results, and heads that do not divide C are refused.
    @Test(arguments: [1, 2, 4])
    func attentionHeadsFollowTheirDefinition(heads: Int) throws {
        let (b, p, c, groups) = (2, 6, 8, 2)  // x [2, 2, 3, 8] NHWC: 6 positions
        let rng = GSLRandom(seed: 31)
        let attention = try Attention(name: "a", channels: c, heads: heads, groups: groups, rng: rng)
        for parameter in attention.parameters { parameter.value.scalars = parameter.value.scalars.map { _ in Float(rng.gaussian()) * 0.5 } }
        let x = (0..<(b * p * c)).map { _ in rng.gaussian() }
        let tape = Tape(recording: false)
        let y = attention(tape.constant(Tensor(shape: [b, 2, 3, c], scalars: x.map(Float.init)))).value.scalars
        func values(_ parameter: Parameter) -> [Double] { parameter.value.scalars.map(Double.init) }
        let (gamma, beta) = (values(attention.n.weight), values(attention.n.bias))
        let (wqkv, bqkv, wo, bo) = (values(attention.qkv.weight), values(attention.qkv.bias), values(attention.o.weight), values(attention.o.bias))
        let d = c / heads
        for s in 0..<b {
            // GroupNorm per group of c/groups channels over all positions.
            var normalized = [Double](repeating: 0, count: p * c)
            for g in 0..<groups {
                let indices = (0..<p).flatMap { pos in ((g * c / groups)..<((g + 1) * c / groups)).map { pos * c + $0 } }
                let mean = indices.map { x[s * p * c + $0] }.reduce(0, +) / Double(indices.count)
                let variance = indices.map { (x[s * p * c + $0] - mean) * (x[s * p * c + $0] - mean) }.reduce(0, +) / Double(indices.count)
                for i in indices { normalized[i] = (x[s * p * c + i] - mean) / (variance + 1e-5).squareRoot() * gamma[i % c] + beta[i % c] }
            }
            // qkv[pos][j] = Σ_ch W[j, ch]·n[pos][ch] + b[j], j < 3c.
            let qkv = (0..<p).map { pos in (0..<(3 * c)).map { j in (0..<c).map { wqkv[j * c + $0] * normalized[pos * c + $0] }.reduce(bqkv[j], +) } }
            var attended = [[Double]](repeating: [Double](repeating: 0, count: c), count: p)
            for h in 0..<heads {
                for i in 0..<p {
                    var scores = [Double](repeating: 0, count: p)
                    for j in 0..<p {
                        for k in 0..<d { scores[j] += qkv[i][h * d + k] * qkv[j][c + h * d + k] }
                        scores[j] /= Double(d).squareRoot()
                    }
                    let top = scores.max()!
                    let e = scores.map { exp($0 - top) }
                    let total = e.reduce(0, +)
                    for k in 0..<d {
                        for j in 0..<p { attended[i][h * d + k] += e[j] / total * qkv[j][2 * c + h * d + k] }
                    }
                }
            }
            for pos in 0..<p {
                for j in 0..<c {
                    var want = x[(s * p + pos) * c + j] + bo[j]
                    for k in 0..<c { want += wo[j * c + k] * attended[pos][k] }
                    let got = Double(y[(s * p + pos) * c + j])
                    #expect(abs(got - want) < 1e-4 * max(1, abs(want)), "heads \(heads) image \(s) position \(pos) channel \(j): \(got) vs \(want)")
                }
            }
        }
        #expect(throws: UNetError.self) { try Attention(name: "a", channels: 8, heads: 3, groups: 2, rng: rng) }
    }

    /// With dropout, a checkpoint carries the U-Net's dropout stream: training resumed from it
    /// draws the same masks and continues bit for bit; a checkpoint without the stream is refused.
    @Test func trainingWithDropoutResumesExactly() throws {
        var c = UNetConfiguration()
        (c.resolution, c.baseChannels, c.multipliers, c.blocksPerLevel, c.attentionResolutions, c.groups, c.dropout) = (8, 8, [1, 2], 1, [4], 4, 0.3)
        let rng = GSLRandom(seed: 6)
        let data = TrainingData(samples: Tensor(shape: [8, 1, 8, 8], scalars: (0..<512).map { _ in Float(rng.uniform() * 2 - 1) }), labels: nil, classes: 0)
        var o = TrainingOptions()
        (o.steps, o.batchSize, o.lr, o.warmupSteps) = (12, 4, 1e-3, 0)
        func session() throws -> TrainingSession<UNet> {
            try TrainingSession(
                network: try UNet(c, seed: 1), data: data, process: try DiscreteDDPM(schedule: .linear, timesteps: 50), prediction: .epsilon,
                options: o, seed: 2)
        }
        let straight = try session()
        for _ in 0..<12 { straight.trainStep() }
        let first = try session()
        for _ in 0..<5 { first.trainStep() }
        let checkpoint = first.checkpoint()
        let resumed = try session()
        try resumed.restore(checkpoint, file: "memory")
        for _ in 5..<12 { resumed.trainStep() }
        #expect(straight.losses == resumed.losses)
        #expect(straight.network.parameters.map(\.value) == resumed.network.parameters.map(\.value))
        var stripped = checkpoint
        stripped.entries["rng.network.dropout"] = nil
        do {
            try session().restore(stripped, file: "old.safetensors")
            Issue.record("a checkpoint without the dropout stream was accepted")
        } catch { #expect("\(error)".contains("old.safetensors") && "\(error)".contains("dropout")) }
    }

    /// The U-Net in oneDNN's blocked layout (Winograd convolutions where oneDNN has them) computes
    /// what it computes in NHWC (direct convolutions): with every parameter random (no zero
    /// start), the output and every parameter gradient agree to 1e-4 relative.
    @Test func blockedAndNHWCLayoutsAgree() throws {
        var c = UNetConfiguration()
        (c.resolution, c.baseChannels, c.multipliers, c.blocksPerLevel, c.attentionResolutions, c.groups) =
            (8, ImageLayout.channelBlock, [1, 2], 1, [4], 4)
        func random(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
            Tensor(shape: shape, scalars: GSLRandom(seed: seed).gaussians(shape.reduce(1, *)).map { $0 * scale })
        }
        let x = random([3, 1, 8, 8], seed: 7), times: [Float] = [3, 400, 999]
        func run(_ layout: ImageLayout) throws -> (output: Tensor, gradients: [Tensor]) {
            let net = try UNet(c, seed: 3, layout: layout)
            #expect(net.layout == layout)
            for (k, p) in net.parameters.enumerated() { p.value = random(p.value.shape, seed: 100 + UInt64(k), scale: 0.3) }
            let tape = Tape()
            let y = net(tape.constant(x), times: times, labels: nil)
            tape.backward(tape.sum(tape.multiply(y, tape.constant(random(y.shape, seed: 99)))))
            try tape.checkFailure()
            return (y.value, net.parameters.map(\.grad))
        }
        let (blocked, nhwc) = (try run(.blocked), try run(.nhwc))
        func off(_ a: Tensor, _ b: Tensor) -> Float {
            let scale = max(1, b.scalars.map(abs).max() ?? 0)
            return zip(a.scalars, b.scalars).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
        }
        #expect(off(blocked.output, nhwc.output) < 1e-4, "output off by \(off(blocked.output, nhwc.output))")
        for (k, (a, b)) in zip(blocked.gradients, nhwc.gradients).enumerated() {
            #expect(off(a, b) < 1e-4, "gradient of parameter \(k) off by \(off(a, b))")
        }
    }

    /// The whole chain learns: driven by the core's trainer, a small U-Net fits four fixed 8×8
    /// images (ε-prediction on a 100-step DDPM chain) — the loss falls tenfold from its start.
    @Test func aSmallUNetLearnsToDenoiseAFewFixedImages() throws {
        var c = UNetConfiguration()
        (c.resolution, c.baseChannels, c.multipliers, c.blocksPerLevel, c.attentionResolutions, c.groups) = (8, 16, [1, 2], 1, [4], 4)
        let rng = GSLRandom(seed: 5)
        let images = (0..<(4 * 64)).map { _ in Float(rng.uniform() < 0.5 ? -1 : 1) }
        let data = TrainingData(samples: Tensor(shape: [4, 1, 8, 8], scalars: images), labels: nil, classes: 0)
        var o = TrainingOptions()
        (o.steps, o.batchSize, o.lr, o.warmupSteps) = (300, 16, 2e-3, 10)
        let session = try TrainingSession(
            network: try UNet(c, seed: 1), data: data, process: try DiscreteDDPM(schedule: .linear, timesteps: 100), prediction: .epsilon,
            options: o, seed: 2)
        for _ in 0..<300 { session.trainStep() }
        let first = session.losses.prefix(10).reduce(0, +) / 10, last = session.losses.suffix(50).reduce(0, +) / 50
        #expect(last < first / 10, "loss \(first) → \(last)")
    }
}
