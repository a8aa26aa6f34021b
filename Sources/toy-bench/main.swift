import ArgumentParser
import Diffusion
import Engine
import Foundation
import NN
import Stats

/// Benchmark workloads W1, W2 and the sgemm peak of shared/bench/README.md, each printing one
/// JSON line, for speed ratios against PyTorch measured in the same session.
@main
struct ToyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toy-bench",
        abstract: "Speed benchmarks: W1 (MLP training step), W2 (DDPM sampling), sgemm peak.",
        subcommands: [W1.self, W2.self, Peak.self, Shapes.self])
}

struct ThreadOption: ParsableArguments {
    @Option(help: "BLAS threads.") var threads: Int = 1
    @Option(help: "Random seed.") var seed: UInt64 = 0
    func validate() throws {
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

    func run() throws {
        BLAS.setThreads(common.threads)
        let dataRNG = GSLRandom(seed: common.seed, stream: .data)
        let nData = 100_000
        let data = w1SwissRoll(nData, rng: dataRNG)
        let process = try DiscreteDDPM(schedule: .linear, timesteps: 1000)
        let rng = GSLRandom(seed: common.seed, stream: .noise)
        let net = MLPDenoiser(.w1, cachedTimesteps: 1000, rng: GSLRandom(seed: common.seed, stream: .initialization))
        let adam = Adam(parameters: net.parameters)
        var losses: [Double] = []
        func step() {
            var x0 = [Float](repeating: 0, count: 2 * batch)
            for r in 0..<batch {
                let i = rng.uniformInt(below: nData)
                x0[2 * r] = data[2 * i]
                x0[2 * r + 1] = data[2 * i + 1]
            }
            let t = (0..<batch).map { _ in rng.uniformInt(below: 1000) }
            let noise = Tensor(shape: [batch, 2], scalars: rng.gaussians(2 * batch))
            let tape = Tape()
            let loss = denoisingLoss(tape: tape, process: process, prediction: .epsilon, x0: Tensor(shape: [batch, 2], scalars: x0),
                                     timesteps: t, noise: noise) { net($0, times: $1) }
            net.zeroGrad()
            tape.backward(loss)
            adam.update(lr: 1e-3)
            losses.append(Double(loss.value.scalar))
        }
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
            "warmup": warmup, "params": net.parameterCount, "ms_median": median(times), "ms_min": times.min() ?? 0,
            "ms_mean": times.reduce(0, +) / Double(times.count),
            "gflops_at_median": flops / (median(times) * 1e-3) / 1e9,
            "loss_first10_mean": losses.prefix(10).reduce(0, +) / 10, "loss_last100_mean": losses.suffix(100).reduce(0, +) / 100,
            "cpu_per_wall": w.cpuPerWall, "foreign_cores": w.foreign ?? NSNull(), "blas": BLAS.backendName,
        ])
    }
}

struct W2: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "W2: 1000 DDPM ancestral steps of 10,000 points with the W1 MLP (random weights).")
    @OptionGroup var common: ThreadOption
    @Option(help: "Points sampled.") var points = 10_000
    @Option(help: "Sampling steps (= diffusion steps).") var timesteps = 1000

    func run() throws {
        BLAS.setThreads(common.threads)
        let process = try DiscreteDDPM(schedule: .linear, timesteps: timesteps)
        let net = MLPDenoiser(.w1, cachedTimesteps: timesteps, rng: GSLRandom(seed: common.seed, stream: .initialization))
        let rng = GSLRandom(seed: common.seed, stream: .sampling)
        var x = rng.gaussians(2 * points)
        func eps(_ x: [Float], _ t: Int) -> [Float] {
            let tape = Tape(recording: false)
            return net(tape.constant(Tensor(shape: [points, 2], scalars: x)), times: [Float](repeating: Float(t), count: points)).value.scalars
        }
        for _ in 0..<10 { _ = eps(x, 0) }
        let window = Window()
        for i in stride(from: timesteps - 1, through: 0, by: -1) {
            let e = eps(x, i)
            let beta = Float(process.betas[i]), c = beta / Float((1 - process.alphaBar[i]).squareRoot())
            let inv = 1 / Float(process.alphas[i].squareRoot()), sd = Float(process.betas[i].squareRoot())
            let z = i > 0 ? rng.gaussians(2 * points) : []
            for j in 0..<x.count {
                x[j] = (x[j] - c * e[j]) * inv
                if i > 0 { x[j] += sd * z[j] }
            }
        }
        let w = window.finish()
        printJSON([
            "workload": "mlp2d-sample", "impl": "toy", "threads": common.threads, "n_points": points, "T": timesteps,
            "params": net.parameterCount, "seconds": w.wall, "ms_per_step": w.wall * 1000 / Double(timesteps),
            "cpu_per_wall": w.cpuPerWall, "foreign_cores": w.foreign ?? NSNull(), "blas": BLAS.backendName,
            "final_std": Summary(x.map(Double.init)).standardDeviation,
        ])
    }
}

struct Peak: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm 2048x2048x2048 rate (GFLOP/s of the best call), as W4.")
    @OptionGroup var common: ThreadOption
    @Option(help: "Matrix size n (n x n x n).") var size = 2048

    func run() throws {
        BLAS.setThreads(common.threads)
        let n = size
        let rng = GSLRandom(seed: common.seed, stream: .evaluation)
        let a = rng.gaussians(n * n), b = rng.gaussians(n * n)
        var c = [Float](repeating: 0, count: n * n)
        func call() -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        BLAS.sgemm(transposeA: false, transposeB: false, m: n, n: n, k: n, alpha: 1, a: pa.baseAddress!, lda: n,
                                   b: pb.baseAddress!, ldb: n, beta: 0, c: pc.baseAddress!, ldc: n)
                    }
                }
            }
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }
        for _ in 0..<3 { _ = call() }
        var times: [Double] = []
        let start = Date()
        while times.count < 10 || Date().timeIntervalSince(start) < 3 { times.append(call()) }
        let flops = 2 * Double(n) * Double(n) * Double(n)
        printJSON([
            "workload": "sgemm-peak", "impl": "toy", "threads": common.threads, "shape": "\(n)x\(n)x\(n)",
            "gflops": flops / times.min()! / 1e9, "gflops_median": flops / median(times) / 1e9, "reps": times.count,
            "blas": BLAS.backendName, "provider": BLAS.provider() ?? "unknown",
        ])
    }
}

struct Shapes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm GFLOP/s on the shapes of W1 and W2 (best and median call).")
    @OptionGroup var common: ThreadOption

    func run() throws {
        BLAS.setThreads(common.threads)
        let rng = GSLRandom(seed: common.seed, stream: .evaluation)
        // (m, k, n, transposeA, transposeB): forward x·Wᵀ, input gradient dY·W, weight gradient dYᵀ·X.
        let shapes = [(1024, 130, 256, false, true), (1024, 256, 256, false, true), (1024, 256, 256, false, false),
                      (256, 1024, 256, true, false), (256, 1024, 256, false, false), (256, 1024, 256, false, true), (10000, 256, 256, false, true), (2048, 2048, 2048, false, false)]
        var rows: [[String: Any]] = []
        for (m, k, n, ta, tb) in shapes {
            let a = rng.gaussians(m * k), b = rng.gaussians(k * n)
            var c = [Float](repeating: 0, count: m * n)
            func call() -> Double {
                let t0 = DispatchTime.now().uptimeNanoseconds
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            BLAS.sgemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!, lda: ta ? m : k,
                                       b: pb.baseAddress!, ldb: tb ? k : n, beta: 0, c: pc.baseAddress!, ldc: n)
                        }
                    }
                }
                return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            }
            for _ in 0..<3 { _ = call() }
            var times: [Double] = []
            let start = Date()
            while times.count < 10 || Date().timeIntervalSince(start) < 1 { times.append(call()) }
            let flops = 2 * Double(m) * Double(n) * Double(k)
            rows.append(["shape": "\(m)x\(k)x\(n)\(ta ? "T" : "N")\(tb ? "T" : "N")", "gflops_best": flops / times.min()! / 1e9,
                         "gflops_median": flops / median(times) / 1e9])
        }
        printJSON(["workload": "sgemm-shapes", "impl": "toy", "threads": common.threads, "blas": BLAS.backendName, "results": rows])
    }
}
