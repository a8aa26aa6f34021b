import ArgumentParser
import Diffusion
import Engine
import Foundation
import ImageData
import Models
import NN
import Plotting
import Runs
import Samplers
import Stats
import Training

/// Benchmark workloads W1, W2 and the sgemm peak of shared/bench/README.md, each printing one
/// JSON line, for speed ratios against PyTorch measured in the same session.
@main
struct ToyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toy-bench",
        abstract: "Speed benchmarks: W1 (MLP training step), W2 (DDPM sampling), sgemm peak.",
        subcommands: [W1.self, W2.self, W3.self, W3Export.self, Peak.self, Shapes.self, Classifier.self, ImageTrain.self])
}

struct ThreadOption: ParsableArguments {
    @Option(help: "Threads (BLIS, oneDNN and the toolkit's loops).") var threads: Int = 1
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Matrix-product backend: blis or onednn.") var gemm: String?
    func validate() throws {
        if let gemm {
            guard let backend = BLAS.Backend(rawValue: gemm) else {
                throw ValidationError("--gemm: unknown backend '\(gemm)'; choose one of \(BLAS.Backend.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            BLAS.backend = backend
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads).") }
    }
}

/// System-wide busy CPU seconds from /proc/stat, to report other processes' load (foreign cores).
func busySeconds() -> Double? {
    guard let h = FileHandle(forReadingAtPath: "/proc/stat") else { return nil }
    defer { try? h.close() }
    let line = String(decoding: h.readData(ofLength: 256), as: UTF8.self).split(separator: "\n").first ?? ""
    let v = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
    guard v.count == 8 else { return nil }
    return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Measures a window: wall seconds, own CPU per wall, foreign cores.
struct Window {
    let wall0 = Date(), cpu0 = processCPUSeconds(), busy0 = busySeconds()
    func finish() -> (wall: Double, cpuPerWall: Double, foreign: Double?) {
        let wall = Date().timeIntervalSince(wall0), cpu = processCPUSeconds() - cpu0
        let foreign = busySeconds().flatMap { b in busy0.map { max(0, (b - $0 - cpu) / wall) } }
        return (wall, cpu / wall, foreign)
    }
}

func printJSON(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// W1's data: u ~ U(0,1), t = 1.5π(1 + 2u), (t cos t, t sin t) + 0.5·N(0, I), divided by 10.
func w1SwissRoll(_ n: Int, rng: GSLRandom) -> [Float] {
    var out = [Float](repeating: 0, count: 2 * n)
    for i in 0..<n {
        let t = 1.5 * Double.pi * (1 + 2 * rng.uniform())
        out[2 * i] = Float((t * cos(t) + 0.5 * rng.gaussian()) / 10)
        out[2 * i + 1] = Float((t * sin(t) + 0.5 * rng.gaussian()) / 10)
    }
    return out
}

func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

struct W1: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "W1: DDPM ε-training step of the 165,634-parameter MLP, batch 1024.")
    @OptionGroup var common: ThreadOption
    @Option(help: "Timed steps.") var steps = 1000
    @Option(help: "Untimed warm-up steps.") var warmup = 100
    @Option(help: "Batch size.") var batch = 1024
    @Option(help: "Shards per batch computed concurrently (1 = one tape; BLAS threads then split each product).")
    var shards = 2

    func run() throws {
        Threads.set(common.threads)
        let nData = 100_000
        let data = TrainingData(samples: Tensor(shape: [nData, 2], scalars: w1SwissRoll(nData, rng: GSLRandom(seed: common.seed, stream: .data))))
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        let net = MLPDenoiser(.w1, cachedTimesteps: 1000, rng: GSLRandom(seed: common.seed, stream: .initialization))
        // The product's own training step: batch draw, sharded gradients, clipping, Adam, EMA.
        var options = TrainingOptions()
        options.batchSize = batch
        options.steps = warmup + steps
        options.lr = 1e-3
        let session = try TrainingSession(network: net, data: data, process: process, prediction: .epsilon, options: options, seed: common.seed)
        guard shards == net.trainingShards else {
            throw ValidationError("--shards: the training loop uses \(net.trainingShards) shards per batch.")
        }
        var losses: [Double] = []
        func step() { losses.append(Double(session.trainStep())) }
        for _ in 0..<warmup { step() }
        var times: [Double] = []
        let window = Window()
        for _ in 0..<steps {
            let t0 = DispatchTime.now().uptimeNanoseconds
            step()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        let w = window.finish()
        let flops = 6.0 * Double(net.parameterCount) * Double(batch)
        printJSON([
            "workload": "mlp2d-train", "impl": "toy", "threads": common.threads, "batch": batch, "steps": steps,
            "warmup": warmup, "shards": shards, "params": net.parameterCount, "ms_median": median(times), "ms_min": times.min() ?? 0,
            "ms_mean": times.reduce(0, +) / Double(times.count),
            "gflops_at_median": flops / (median(times) * 1e-3) / 1e9,
            "loss_first10_mean": losses.prefix(10).reduce(0, +) / 10, "loss_last100_mean": losses.suffix(100).reduce(0, +) / 100,
            "cpu_per_wall": w.cpuPerWall, "foreign_cores": w.foreign ?? NSNull(), "blas": BLAS.backendName,
        ])
    }
}

struct W3: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "W3: DDPM ε-training step of the 1,556,097-parameter U-Net on 1×28×28 images, batch 64 (shared/bench/w3_unet28_train.py).")
    @OptionGroup var common: ThreadOption
    @Option(help: "Timed steps.") var steps = 30
    @Option(help: "Untimed warm-up steps.") var warmup = 5
    @Option(help: "Batch size.") var batch = 64
    @Option(help: "Images in the timed sampling forward pass (0: none, so peak memory is the training step's).") var sampleBatch = 100
    @Option(help: "Convolution algorithm: winograd (where oneDNN has it) or direct.") var conv = "winograd"
    @Option(help: "U-Net activation layout: blocked or nhwc (default: blocked when the channels fit).") var layout: String?

    func run() throws {
        Threads.set(common.threads)
        guard let algorithm = ConvolutionAlgorithm(rawValue: conv) else { throw ValidationError("--conv: choose winograd or direct") }
        ConvolutionPlan.algorithm = algorithm
        let inner = try layout.map { name in
            guard let l = ImageLayout(rawValue: name), l != .nchw else { throw ValidationError("--layout: choose blocked or nhwc") }
            return l
        }
        // W3 draws x0 ~ U(−1, 1) afresh each step; content does not change the cost, so the
        // trainer draws batches from a pool of such images.
        let pool = 100 * batch
        let rng = GSLRandom(seed: common.seed, stream: .data)
        let data = TrainingData(samples: Tensor(shape: [pool, 1, 28, 28], scalars: (0..<(pool * 784)).map { _ in Float(2 * rng.uniform() - 1) }))
        let net = try UNet(UNetConfiguration(), seed: common.seed, layout: inner)
        var options = TrainingOptions()
        options.batchSize = batch
        options.steps = warmup + steps
        options.lr = 2e-4
        options.warmupSteps = 0
        let session = try TrainingSession(
            network: net, data: data, process: try DiscreteDDPM(schedule: .linear, timesteps: 1000), prediction: .epsilon, options: options,
            seed: common.seed)
        var losses: [Double] = []
        for _ in 0..<warmup { losses.append(Double(session.trainStep())) }
        var times: [Double] = []
        let window = Window()
        for _ in 0..<steps {
            let t0 = DispatchTime.now().uptimeNanoseconds
            losses.append(Double(session.trainStep()))
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        let w = window.finish()
        // Sampling cost: one forward pass of a batch of `sampleBatch` images on a non-recording tape.
        var forwardTimes: [Double] = []
        let images = Tensor(shape: [sampleBatch, 1, 28, 28], scalars: rng.gaussians(sampleBatch * 784))
        for i in 0..<(sampleBatch > 0 ? 4 : 0) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let tape = Tape(recording: false)
            _ = net(tape.constant(images), times: [Float](repeating: 500, count: sampleBatch))
            if i > 0 { forwardTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6) }
        }
        // Forward FLOPs of W3 (convolutions, linear layers and attention products, 2 per MAC), as
        // the PyTorch script counts them; a step is 3 forwards.
        let forward = 34.9e9 * Double(batch) / 64
        printJSON([
            "workload": "unet28-train", "impl": "toy", "threads": common.threads, "batch": batch, "steps": steps, "warmup": warmup,
            "params": net.parameterCount, "ms_median": median(times), "ms_min": times.min() ?? 0,
            "gflops": 3 * forward / (median(times) * 1e-3) / 1e9, "loss_first": losses.first ?? 0,
            "loss_last5_mean": losses.suffix(5).reduce(0, +) / 5, "cpu_per_wall": w.cpuPerWall, "foreign_cores": w.foreign ?? NSNull(),
            "sample_batch": sampleBatch, "forward_ms_median": forwardTimes.isEmpty ? NSNull() : median(forwardTimes), "layout": net.layout.rawValue, "conv": conv, "losses": losses,
        ])
    }
}

/// The W3 U-Net's weights with one input, its output and the loss gradient of every parameter,
/// for the cross-implementation check against PyTorch (Experiments/unet-vs-pytorch.sh).
struct W3Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "w3-export", abstract: "Write the W3 U-Net (trained a few steps), an input, its output and loss gradients as safetensors.")
    @OptionGroup var common: ThreadOption
    @Option(help: "Training steps before the export (so no weight is still zero).") var trainSteps = 3
    @Option(help: "Output file.") var out: String

    func run() throws {
        Threads.set(common.threads)
        let rng = GSLRandom(seed: common.seed, stream: .data)
        let images = 4
        let data = TrainingData(samples: Tensor(shape: [64, 1, 28, 28], scalars: (0..<(64 * 784)).map { _ in Float(2 * rng.uniform() - 1) }))
        let net = try UNet(UNetConfiguration(), seed: common.seed)
        var options = TrainingOptions()
        (options.batchSize, options.steps, options.lr, options.warmupSteps) = (8, max(trainSteps, 1), 1e-3, 0)
        let session = try TrainingSession(
            network: net, data: data, process: try DiscreteDDPM(schedule: .linear, timesteps: 1000), prediction: .epsilon, options: options,
            seed: common.seed)
        for _ in 0..<trainSteps { session.trainStep() }
        // One input: x, integer times, target ε; loss = mean((UNet(x, t) − ε)²) as in W3.
        let x = Tensor(shape: [images, 1, 28, 28], scalars: rng.gaussians(images * 784))
        let eps = Tensor(shape: [images, 1, 28, 28], scalars: rng.gaussians(images * 784))
        let times: [Float] = [0, 17, 500, 999]
        let tape = Tape()
        let y = net(tape.input(x, requiresGradient: false), times: times)
        net.zeroGrad()
        tape.backward(tape.meanSquaredError(y, tape.constant(eps)))
        try tape.checkFailure()
        var tensors = net.stateDict()
        for p in net.parameters { tensors["grad/" + p.name] = p.grad }
        tensors["input/x"] = x
        tensors["input/t"] = Tensor(shape: [images], scalars: times)
        tensors["input/eps"] = eps
        tensors["output/y"] = y.value
        try Safetensors(tensors: tensors, metadata: ["workload": "unet28", "params": "\(net.parameterCount)"]).write(to: URL(fileURLWithPath: out))
        print("wrote \(out): \(net.parameters.count) weights and gradients, input, output")
    }
}

struct W2: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "W2: 1000 DDPM ancestral steps of 10,000 points with the W1 MLP (random weights).")
    @OptionGroup var common: ThreadOption
    @Option(help: "Points sampled.") var points = 10_000
    @Option(help: "Sampling steps (= diffusion steps).") var timesteps = 1000

    func run() throws {
        Threads.set(common.threads)
        let process = try DiscreteDDPM(schedule: .linear, timesteps: timesteps)
        let net = MLPDenoiser(.w1, cachedTimesteps: timesteps, rng: GSLRandom(seed: common.seed, stream: .initialization))
        let rng = GSLRandom(seed: common.seed, stream: .sampling)
        let initial = Tensor(shape: [points, 2], scalars: rng.gaussians(2 * points))
        // The product's own sampler: DDPM ancestral steps with σ² = β on the network.
        let model = NetworkModel(network: net, prediction: .epsilon, process: process)
        for _ in 0..<10 { _ = model(initial, time: 0) }
        let window = Window()
        let x = try DDPMAncestral(variance: .beta).sample(
            model: model, process: process, initial: initial, options: SamplingOptions(steps: timesteps), rng: rng
        ) { _ in }.samples.scalars
        let w = window.finish()
        printJSON([
            "workload": "mlp2d-sample", "impl": "toy", "threads": common.threads, "n_points": points, "T": timesteps,
            "params": net.parameterCount, "seconds": w.wall, "ms_per_step": w.wall * 1000 / Double(timesteps),
            "cpu_per_wall": w.cpuPerWall, "foreign_cores": w.foreign ?? NSNull(), "blas": BLAS.backendName,
            "final_std": Summary(x.map(Double.init)).standardDeviation,
        ])
    }
}

/// Times single sgemm calls of op(A)[m, k]·op(B)[k, n] on Gaussian matrices: 3 untimed calls, then
/// calls until at least 10 and `seconds` have passed (W4's method). Returns (best, median) GFLOP/s.
func sgemmRate(
    m: Int, k: Int, n: Int, transposeA: Bool = false, transposeB: Bool = false, seconds: Double,
    rng: GSLRandom
) -> (best: Double, median: Double, reps: Int) {
    let a = rng.gaussians(m * k), b = rng.gaussians(k * n)
    var c = [Float](repeating: 0, count: m * n)
    func call() -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BLAS.sgemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!,
                        lda: transposeA ? m : k, b: pb.baseAddress!, ldb: transposeB ? k : n, beta: 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
    for _ in 0..<3 { _ = call() }
    var times: [Double] = []
    let start = Date()
    while times.count < 10 || Date().timeIntervalSince(start) < seconds { times.append(call()) }
    let flops = 2 * Double(m) * Double(n) * Double(k)
    return (flops / times.min()! / 1e9, flops / median(times) / 1e9, times.count)
}

/// Times a call `seconds` long at least (3 untimed calls first, at least 10 timed); (best, median) seconds.
func timeCalls(seconds: Double, _ call: () throws -> Void) rethrows -> (best: Double, median: Double) {
    for _ in 0..<3 { try call() }
    var times: [Double] = []
    let start = Date()
    while times.count < 10 || Date().timeIntervalSince(start) < seconds {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try call()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    return (times.min()!, median(times))
}

/// A k×k, stride-1 convolution with padding k/2 on NHWC images the way a framework without a
/// convolution library computes it: im2col (each output position's k·k·c input patch as a row,
/// zeros outside the image), then one product cols [n·h·w, k·k·c] · Wᵀ [k·k·c, o] → NHWC output.
/// The reference `toy-bench shapes` measures oneDNN's convolutions against.
func im2colConvolution(_ x: [Float], _ weight: [Float], _ g: ConvolutionGeometry, columns: inout [Float], output: inout [Float]) {
    let (n, c, h, w, o, k) = (g.batch, g.inChannels, g.height, g.width, g.outChannels, g.kernelHeight)
    let (pad, patch) = (k / 2, k * k * c)
    x.withUnsafeBufferPointer { px in
        columns.withUnsafeMutableBufferPointer { cols in
            for img in 0..<n {
                for y in 0..<h {
                    for xx in 0..<w {
                        let row = cols.baseAddress! + ((img * h + y) * w + xx) * patch
                        for dy in 0..<k {
                            for dx in 0..<k {
                                let (sy, sx) = (y + dy - pad, xx + dx - pad)
                                let target = row + (dy * k + dx) * c
                                if sy < 0 || sy >= h || sx < 0 || sx >= w {
                                    target.update(repeating: 0, count: c)
                                } else {
                                    target.update(from: px.baseAddress! + ((img * h + sy) * w + sx) * c, count: c)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // Weights as [o, kh, kw, c] rows to match the patch order.
    var rows = [Float](repeating: 0, count: o * patch)
    for oc in 0..<o { for ic in 0..<c { for dy in 0..<k { for dx in 0..<k {
        rows[oc * patch + (dy * k + dx) * c + ic] = weight[((oc * c + ic) * k + dy) * k + dx]
    } } } }
    columns.withUnsafeBufferPointer { cols in
        rows.withUnsafeBufferPointer { pw in
            output.withUnsafeMutableBufferPointer { out in
                BLAS.sgemm(
                    transposeA: false, transposeB: true, m: n * h * w, n: o, k: patch, alpha: 1, a: cols.baseAddress!, lda: patch,
                    b: pw.baseAddress!, ldb: patch, beta: 0, c: out.baseAddress!, ldc: o)
            }
        }
    }
}

struct Peak: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm 2048x2048x2048 rate (GFLOP/s of the best call), as W4.")
    @OptionGroup var common: ThreadOption
    @Option(help: "Matrix size n (n x n x n).") var size = 2048

    func run() throws {
        Threads.set(common.threads)
        let n = size
        let r = sgemmRate(m: n, k: n, n: n, seconds: 3, rng: GSLRandom(seed: common.seed, stream: .evaluation))
        printJSON([
            "workload": "sgemm-peak", "impl": "toy", "threads": common.threads, "shape": "\(n)x\(n)x\(n)",
            "gflops": r.best, "gflops_median": r.median, "reps": r.reps,
            "blas": BLAS.backendName, "provider": BLAS.provider() ?? "unknown",
        ])
    }
}

struct Shapes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "GFLOP/s of both matrix backends on the MLP's product shapes, and of oneDNN's convolutions against im2col + each backend on the U-Net's.")
    @OptionGroup var common: ThreadOption

    func run() throws {
        Threads.set(common.threads)
        let rng = GSLRandom(seed: common.seed, stream: .evaluation)
        // (m, k, n, transposeA, transposeB): forward x·Wᵀ, input gradient dY·W, weight gradient dYᵀ·X.
        let shapes = [
            (1024, 130, 256, false, true), (1024, 256, 256, false, true), (1024, 256, 256, false, false),
            (256, 1024, 256, true, false), (10000, 256, 256, false, true), (2048, 2048, 2048, false, false),
        ]
        let rows: [[String: Any]] = shapes.flatMap { (m, k, n, ta, tb) in
            BLAS.Backend.allCases.map { backend in
                BLAS.backend = backend
                let r = sgemmRate(m: m, k: k, n: n, transposeA: ta, transposeB: tb, seconds: 1, rng: rng)
                return ["shape": "\(m)x\(k)x\(n)\(ta ? "T" : "N")\(tb ? "T" : "N")", "backend": backend.rawValue, "gflops_best": r.best, "gflops_median": r.median]
            }
        }
        // The U-Net's convolutions (batch 64, NHWC, forward): oneDNN against im2col + a product on
        // each matrix backend. (batch, in, out, size, kernel).
        let convolutions = [(64, 1, 32, 28, 3), (64, 32, 32, 28, 3), (64, 64, 64, 14, 3), (64, 64, 64, 7, 3), (64, 96, 32, 28, 1)]
        var convRows: [[String: Any]] = []
        for (n, c, o, size, k) in convolutions {
            let g = ConvolutionGeometry(input: [n, size, size, c], weight: [o, c, k, k], stride: 1, padding: k / 2, hasBias: true, layout: .nhwc)
            let x = Tensor(shape: g.inputShape, scalars: rng.gaussians(n * size * size * c))
            let weight = Tensor(shape: g.weightShape, scalars: rng.gaussians(o * c * k * k)), bias = Tensor(zeros: [o])
            let plan = try ConvolutionPlan.plan(g)
            let name = "conv \(k)x\(k) \(c)->\(o) \(size)x\(size) batch \(n)"
            let d = try timeCalls(seconds: 1) { _ = try plan.forward(x, weight: weight, bias: bias) }
            convRows.append(["shape": name, "backend": "onednn-conv nhwc (\(plan.implementations[0]))", "gflops_best": Double(g.flops) / d.best / 1e9, "gflops_median": Double(g.flops) / d.median / 1e9])
            // The U-Net's inner layout, both algorithms (Winograd falls back to direct where oneDNN lacks it).
            if ImageLayout.blocked.holds(channels: c) && ImageLayout.blocked.holds(channels: o) {
                let bg = ConvolutionGeometry(
                    input: ImageLayout.blocked.shape(batch: n, channels: c, height: size, width: size), weight: [o, c, k, k], stride: 1, padding: k / 2,
                    hasBias: true, layout: .blocked)
                let xb = Tensor(shape: bg.inputShape, scalars: x.scalars)
                for algorithm in ConvolutionAlgorithm.allCases {
                    let p = try ConvolutionPlan.plan(bg, algorithm: algorithm)
                    let t = try timeCalls(seconds: 1) { _ = try p.forward(xb, weight: weight, bias: bias) }
                    convRows.append([
                        "shape": name, "backend": "onednn-conv blocked \(algorithm.rawValue) (\(p.implementations[0]))",
                        "gflops_best": Double(g.flops) / t.best / 1e9, "gflops_median": Double(g.flops) / t.median / 1e9,
                    ])
                }
            }
            var columns = [Float](repeating: 0, count: n * size * size * k * k * c), output = [Float](repeating: 0, count: n * size * size * o)
            for backend in BLAS.Backend.allCases {
                BLAS.backend = backend
                let t = timeCalls(seconds: 1) { im2colConvolution(x.scalars, weight.scalars, g, columns: &columns, output: &output) }
                convRows.append(["shape": name, "backend": "im2col+\(backend.rawValue)", "gflops_best": Double(g.flops) / t.best / 1e9, "gflops_median": Double(g.flops) / t.median / 1e9])
            }
        }
        printJSON(["workload": "shapes", "impl": "toy", "threads": common.threads, "matmul": rows, "convolution": convRows])
    }
}

/// Trains the toolkit's image classifier (the feature network of FD/KID) on a dataset's training
/// split and prints its test accuracy and the time taken.
struct Classifier: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Train the FD/KID feature classifier on an image dataset; print test accuracy and time.")
    @OptionGroup var common: ThreadOption
    @Option(help: "Image dataset: fashion-mnist, mnist or cifar10.") var dataset = "fashion-mnist"
    @Option(help: "Folder of the dataset's files (default: where toy list says).") var dataDir: String?
    @Option(help: "Training epochs.") var epochs = 3
    @Option(help: "Batch size.") var batchSize = 128

    func run() throws {
        Threads.set(common.threads)
        guard let kind = ImageDatasetKind(rawValue: dataset) else {
            throw ValidationError("--dataset: unknown '\(dataset)'; choose one of \(ImageDatasetKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let (train, test) = (try kind.load(.train, from: dataDir), try kind.load(.test, from: dataDir))
        func tensor(_ d: ImageDataset) -> Tensor { Tensor(shape: [d.count] + d.imageShape, scalars: d.floats(interval: -1...1)) }
        let net = try ImageClassifier(ImageClassifier.Configuration(inputChannels: train.channels, classes: train.classes), seed: common.seed)
        let t0 = Date()
        var epochLosses: [Double] = []
        net.train(images: tensor(train), labels: train.labels, epochs: epochs, batchSize: batchSize, seed: common.seed) { epoch, loss in
            epochLosses.append(loss)
            FileHandle.standardError.write("epoch \(epoch + 1): loss \(loss), \(Int(Date().timeIntervalSince(t0))) s\n".data(using: .utf8)!)
        }
        let seconds = Date().timeIntervalSince(t0)
        printJSON([
            "workload": "classifier", "impl": "toy", "dataset": dataset, "threads": common.threads, "epochs": epochs, "batch": batchSize,
            "params": net.parameterCount, "train_seconds": seconds, "epoch_losses": epochLosses,
            "test_accuracy": net.accuracy(images: tensor(test), labels: test.labels), "seed": common.seed,
        ])
    }
}

/// A first look at image training before `toy run` does it: trains a U-Net (DDPM ε-prediction,
/// linear schedule, T = 1000) on an image dataset's training split for `--steps`, samples `--samples`
/// images with DDIM (η = 0, x₀ clipped to [−1, 1], stated) from the EMA weights, and writes
/// samples.npy ([n, c, h, w] in [0, 1]), a grid figure and one JSON line with the timings.
struct ImageTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image-train", abstract: "Train a U-Net on an image dataset for a few steps, sample with DDIM, write samples.npy and a grid.")
    @OptionGroup var common: ThreadOption
    @Option(help: "Image dataset: fashion-mnist, mnist or cifar10.") var dataset = "fashion-mnist"
    @Option(help: "Folder of the dataset's files (default: where toy list says).") var dataDir: String?
    @Option(help: "Training steps.") var steps = 1000
    @Option(help: "Batch size.") var batchSize = 64
    @Option(help: "Learning rate.") var lr = 2e-4
    @Option(help: "EMA decay.") var emaDecay = 0.999
    @Option(help: "U-Net base channels.") var base = 32
    @Option(help: "Images to sample.") var samples = 100
    @Option(help: "DDIM steps.") var sampleSteps = 50
    @Option(help: "Output folder.") var out = "image-train"

    func run() throws {
        Threads.set(common.threads)
        guard let kind = ImageDatasetKind(rawValue: dataset) else {
            throw ValidationError("--dataset: unknown '\(dataset)'; choose one of \(ImageDatasetKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let train = try kind.load(.train, from: dataDir)
        let data = TrainingData(
            samples: Tensor(shape: [train.count] + train.imageShape, scalars: train.floats(interval: -1...1)), labels: nil, classes: 0)
        var c = UNetConfiguration()
        (c.inputChannels, c.resolution, c.baseChannels) = (train.channels, train.height, base)
        c.attentionResolutions = [train.height >> (c.multipliers.count - 1)]
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        var options = TrainingOptions()
        (options.steps, options.batchSize, options.lr, options.emaDecay) = (steps, batchSize, lr, emaDecay)
        let session = try TrainingSession(network: try UNet(c, seed: common.seed), data: data, process: process, prediction: .epsilon, options: options, seed: common.seed)
        let t0 = Date()
        for s in 0..<steps {
            let loss = session.trainStep()
            guard loss.isFinite else { throw ValidationError("training diverged at step \(s) (loss \(loss))") }
            if (s + 1) % 100 == 0 {
                FileHandle.standardError.write("step \(s + 1): loss \(session.losses.suffix(100).reduce(0, +) / 100), \(Int(Date().timeIntervalSince(t0))) s\n".data(using: .utf8)!)
            }
        }
        let trainSeconds = Date().timeIntervalSince(t0)
        let model = NetworkModel(network: try session.emaNetwork(), prediction: .epsilon, process: process)
        let rng = GSLRandom(seed: common.seed, stream: .sampling)
        let initial = Tensor(shape: [samples] + train.imageShape, scalars: rng.gaussians(samples * train.imageSize))
        let t1 = Date()
        let result = try DDIM(eta: 0).sample(
            model: model, process: process, initial: initial, options: SamplingOptions(steps: sampleSteps, clip: 1), rng: rng, progress: { _ in })
        let sampleSeconds = Date().timeIntervalSince(t1)
        // Pixels in [0, 1]: x/2 + 1/2, with x already within [−1, 1] up to the last step's rounding.
        let raw = result.samples.scalars.map { $0 / 2 + 0.5 }
        let clipped = raw.filter { !($0 >= 0 && $0 <= 1) }.count
        let pixels = raw.map { min(max($0, 0), 1) }
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileFormats.write(FileFormats.npy(pixels, shape: [samples] + train.imageShape), to: folder.appendingPathComponent("samples.npy"))
        let images = (0..<samples).map { Array(pixels[($0 * train.imageSize)..<(($0 + 1) * train.imageSize)]) }
        try Figures.imageGrid(
            name: "samples", title: "\(dataset): U-Net (base \(base)), \(steps) steps of batch \(batchSize), DDIM \(sampleSteps) steps", images: images,
            channels: train.channels, height: train.height, width: train.width, columns: 10,
            caption: "x₀ clipped to [−1, 1] at each DDIM step; \(clipped) of \(raw.count) final pixels outside [0, 1] by rounding, clipped"
        ).write(to: folder, format: .png, gnuplot: try? Gnuplot())
        printJSON([
            "workload": "image-train", "impl": "toy", "dataset": dataset, "threads": common.threads, "steps": steps, "batch": batchSize, "lr": lr,
            "ema_decay": emaDecay, "base": base, "params": session.network.parameterCount, "train_seconds": trainSeconds,
            "ms_per_step": trainSeconds * 1000 / Double(steps), "loss_last100": session.losses.suffix(100).reduce(0, +) / Float(min(100, steps)),
            "samples": samples, "sample_steps": sampleSteps, "sample_seconds": sampleSeconds, "pixels_outside_unit": clipped, "seed": common.seed,
        ])
    }
}
