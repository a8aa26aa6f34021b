import Datasets
import Diffusion
import Engine
import Foundation
import Models
import Runs
import Samplers
import Stats
import Testing
import Training

@Suite(.serialized) struct ConditionalRunTests {
    /// Share of points within 3σ of mode k of 8gaussians in each coordinate (for the mode's own
    /// Gaussian 0.9973² = 0.9946; within a radius of 3σ it would be 1 − e^{−4.5} = 0.9889).
    static func shareNearMode(_ xy: [Float], mode k: Int) -> Double {
        let center = EightGaussians.centers[k]
        let sd = EightGaussians().defaultNoise / EightGaussians.scale
        let near = stride(from: 0, to: xy.count, by: 2).filter { i in
            let d = SIMD2(Double(xy[i]), Double(xy[i + 1])) - center
            return abs(d.x) < 3 * sd && abs(d.y) < 3 * sd
        }
        return Double(near.count) / Double(xy.count / 2)
    }

    /// With the exact score of one component (`--model exact --label 3`), every sampler of the VP
    /// process puts at least 99% of 10,000 samples within 3σ of mode 3 (and nearest to it).
    @Test(arguments: SamplerKind.allCases.filter { $0.processes.contains(.vp) })
    func exactConditionalSamplingStaysOnItsMode(_ kind: SamplerKind) throws {
        var c = DatasetDefaults.forDataset(.eightGaussians).configuration(for: .eightGaussians)
        c.model.kind = .exact
        c.process.kind = .vp
        c.sampling.sampler = kind
        c.sampling.steps = 200
        c.sampling.samples = 10_000
        c.sampling.label = 3
        c.threads = 1
        try c.validate()
        let process = try c.makeProcess()
        let model = try exactModel(c, source: try c.data.source(seed: c.seed), process: process)
        let xy = try drawSamples(model: model, process: process, configuration: c).samples.scalars
        // Nearest mode of every sample: at least 99% belong to mode 3.
        let centers = EightGaussians.centers
        let nearest = stride(from: 0, to: xy.count, by: 2).map { i -> Int in
            let p = SIMD2(Double(xy[i]), Double(xy[i + 1]))
            return centers.indices.min { ((centers[$0] - p) * (centers[$0] - p)).sum() < ((centers[$1] - p) * (centers[$1] - p)).sum() }!
        }
        let onMode = Double(nearest.filter { $0 == 3 }.count) / Double(nearest.count)
        #expect(onMode >= 0.99, "\(kind.rawValue): \(onMode) of samples nearest mode 3")
        let within = Self.shareNearMode(xy, mode: 3)
        #expect(within >= 0.99, "\(kind.rawValue): \(within) within 3σ")
    }

    /// A trained conditional network (label dropout 0.1) puts ≥ 95% of its label-3 samples within
    /// 3σ of mode 3, writes a label column, and scores each class against that class's data.
    @Test func trainedConditionalRunSamplesItsClass() throws {
        var c = DatasetDefaults.forDataset(.eightGaussians).configuration(for: .eightGaussians)
        c.model.conditional = true
        c.training.steps = 3000
        c.sampling.samples = 2000
        c.sampling.label = 3
        c.threads = 2
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try quietRun(url).start(c, force: false)
        let text = try String(contentsOf: RunDirectory(url).samplesCSV, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "x,y,label")
        let xy = lines.dropFirst().flatMap { $0.split(separator: ",").prefix(2).map { Float($0)! } }
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",3") })
        let within = Self.shareNearMode(xy, mode: 3)
        #expect(within >= 0.95, "\(within) within 3σ of mode 3")
        // Labels in data proportion without --label, with per-class metrics.
        let trained = try TrainedRun(RunDirectory(url))
        var all = trained.configuration
        all.sampling.label = nil
        let record = try SamplingRecord.make(trained, configuration: all)
        let perClass = try #require(record.quality?.perClass)
        #expect(perClass.count == 8)
        #expect(Set(record.labels ?? []).count == 8)
    }

    @Test func datasetsExposeTheirClasses() {
        let expected: [ToyDataset: Int] = [
            .moons: 2, .eightGaussians: 8, .gmm: 2, .checkerboard: 8, .pinwheel: 5, .twoSpirals: 2, .rings: 4, .circles: 2,
            .swissroll: 4, .scurve: 4,
        ]
        for dataset in ToyDataset.allCases {
            let draw = dataset.sampleLabeled(4000, rng: GSLRandom(seed: 1))
            #expect(dataset.classes == expected[dataset], "\(dataset.rawValue)")
            #expect(Set(draw.labels) == Set(0..<dataset.classes), "\(dataset.rawValue): labels \(Set(draw.labels))")
            // Labels cost no draws: the points equal the unlabelled draw.
            #expect(draw.points == dataset.sample(4000, rng: GSLRandom(seed: 1)), "\(dataset.rawValue)")
        }
        // Labels mean what they say: 8gaussians' label is the nearest centre; checkerboard's square holds the point.
        let g = ToyDataset.eightGaussians.sampleLabeled(2000, noise: 0.05, rng: GSLRandom(seed: 2))
        for (p, l) in zip(g.points, g.labels) {
            let c = EightGaussians.centers
            #expect(c.indices.min { ((c[$0] - p) * (c[$0] - p)).sum() < ((c[$1] - p) * (c[$1] - p)).sum() } == l)
        }
        let b = ToyDataset.checkerboard.sampleLabeled(2000, rng: GSLRandom(seed: 3))
        for (p, l) in zip(b.points, b.labels) {
            let (column, row) = (Int(floor(p.x / 2)) + 2, Int(floor(p.y / 2)) + 2)
            #expect((column + row) % 2 == 0 && row * 2 + column / 2 == l, "\(p) labelled \(l)")
        }
    }
}

@Suite(.serialized) struct ConfigurationFileTests {
    /// A run's own config.json is a valid --config: the run it describes gives byte-identical samples.
    @Test func runConfigRoundTripsToIdenticalSamples() throws {
        let (a, b) = (temporaryFolder(), temporaryFolder())
        defer { for u in [a, b] { try? FileManager.default.removeItem(at: u) } }
        _ = try quietRun(a).start(tinyConfiguration(), force: false)
        let c = try ConfigurationFile.read(RunDirectory(a).config)
        #expect(c == tinyConfiguration())
        _ = try quietRun(b).start(c, force: false)
        #expect(try Data(contentsOf: RunDirectory(a).samplesCSV) == Data(contentsOf: RunDirectory(b).samplesCSV))
    }

    /// Partial files take the dataset's defaults; unknown keys and wrong types name the key.
    @Test func configurationFilesNameTheirFaults() throws {
        func read(_ json: String) throws -> RunConfiguration {
            let url = temporaryFolder().appendingPathExtension("json")
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(json.utf8).write(to: url)
            return try ConfigurationFile.read(url)
        }
        func error(_ json: String) -> String {
            do { _ = try read(json); return "" } catch { return "\(error)" }
        }
        let c = try read(#"{"data": {"dataset": "8gaussians"}, "training": {"steps": 123}}"#)
        var expected = DatasetDefaults.forDataset(.eightGaussians).configuration(for: .eightGaussians)
        expected.training.steps = 123
        #expect(c == expected)
        let unknown = error(#"{"data": {"dataset": "moons"}, "training": {"stepz": 5}}"#)
        #expect(unknown.contains("training.stepz") && unknown.contains("steps") && unknown.contains("batchSize"), "\(unknown)")
        let top = error(#"{"data": {"dataset": "moons"}, "trainng": {}}"#)
        #expect(top.contains("trainng") && top.contains("training"), "\(top)")
        let type = error(#"{"data": {"dataset": "moons"}, "training": {"steps": "many"}}"#)
        #expect(type.contains("training.steps") && type.contains("Int"), "\(type)")
        let dataset = error(#"{"data": {"dataset": "moon"}}"#)
        #expect(dataset.contains("moon") && dataset.contains("swissroll"), "\(dataset)")
    }

    /// Classifier-free guidance on a trained conditional run: w = 0 samples byte for byte what the
    /// run sampled; w = 2 changes the samples and reports two network evaluations per step; bad
    /// scales and unconditional runs are refused naming the flag.
    @Test func guidanceAtZeroIsTheRunAndCountsTwoEvaluationsPerStep() throws {
        var c = tinyConfiguration()
        c.model.conditional = true
        c.sampling.label = 1
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try quietRun(url).start(c, force: false)
        let trained = try TrainedRun(RunDirectory(url))
        var g = trained.configuration
        g.sampling.guidanceScale = 0
        let plain = try SamplingRecord.make(trained, configuration: g)
        #expect(plain.samples == (try npyValues(RunDirectory(url).samplesNPY)))
        #expect(plain.modelEvaluations == run.results?.modelEvaluations)
        g.sampling.guidanceScale = 2
        let guided = try SamplingRecord.make(trained, configuration: g)
        #expect(guided.modelEvaluations == 2 * plain.modelEvaluations)
        #expect(guided.samples != plain.samples)
        var unconditional = tinyConfiguration()
        unconditional.sampling.guidanceScale = 1
        #expect(errorText { try unconditional.validate() }?.contains("--conditional") == true)
        g.sampling.guidanceScale = -1
        #expect(errorText { try g.validate() }?.contains("--guidance-scale") == true)
    }

    /// Exact classifier-free guidance on gmm: w = 0 is the exact conditional model bit for bit and
    /// w > 0 costs two evaluations per step. Guiding along the path does not sample the tilted
    /// p(x | y)^{1+w} p(x)^{−w} (here ≈ the component itself): while the modes still overlap, the
    /// guided score pushes away from the other mode, so the samples end beyond μ_y, away from it —
    /// the sign a (1 − w) or swapped-model bug would reverse. DDIM at 50 steps and on the whole chain agree on
    /// where they end (the sampler has converged on the guided ODE).
    @Test func exactGuidancePushesAwayFromTheOtherClass() throws {
        var c = DatasetDefaults.forDataset(.gmm).configuration(for: .gmm)
        c.model.kind = .exact
        c.sampling.label = 1
        c.sampling.sampler = .ddim
        c.sampling.steps = 100
        c.sampling.samples = 4000
        let source = try c.data.source(seed: c.seed)
        let process = try c.makeProcess()
        let mixture = try #require(source.mixture)
        let plain = try drawSamples(model: try exactModel(c, source: source, process: process), process: process, configuration: c)
        c.sampling.guidanceScale = 0
        let zero = try drawSamples(model: try exactSamplingModel(c, source: source, process: process), process: process, configuration: c)
        #expect(zero.samples.scalars == plain.samples.scalars)
        c.sampling.guidanceScale = 3
        let model = try exactSamplingModel(c, source: source, process: process)
        #expect(model.evaluationsPerCall == 2)
        // Position along the axis from the other mode to this one, in units where μ_y is at 0.
        let axis = mixture.means[1] - mixture.means[0]
        let unit = axis / (axis * axis).sum().squareRoot()
        func meanOffset(_ steps: Int) throws -> Double {
            c.sampling.steps = steps
            let x = try drawSamples(model: model, process: process, configuration: c).samples.scalars
            let offsets = (0..<c.sampling.samples).map { i in
                (SIMD2(Double(x[2 * i]), Double(x[2 * i + 1])) - mixture.means[1]) * unit
            }.map { $0.sum() }
            return Summary(offsets).mean
        }
        let (coarse, fine) = (try meanOffset(50), try meanOffset(c.process.timesteps))
        #expect(coarse > 0.5, "guided samples end \(coarse) beyond μ_y along the axis away from the other mode")
        #expect(abs(coarse - fine) < 0.05, "50 steps: \(coarse), the whole chain: \(fine)")
    }

    /// The exact gmm model with `steps` sampling steps and 200 samples: configuration, process, model.
    func exactGMM(steps: Int) throws -> (RunConfiguration, any NoiseProcess, GaussianMixtureModel) {
        var c = DatasetDefaults.forDataset(.gmm).configuration(for: .gmm)
        c.model.kind = .exact
        c.sampling.steps = steps
        c.sampling.samples = 200
        let process = try c.makeProcess()
        return (c, process, try exactModel(c, source: try c.data.source(seed: c.seed), process: process))
    }

    /// `--eta`: DDIM with η = 1 is the ddim-eta1 sampler bit for bit, η = 0 the deterministic one,
    /// η = 0.5 neither; out-of-range values and η on another sampler are refused naming the flag.
    @Test func ddimTakesAnyEta() throws {
        var (c, process, model) = try exactGMM(steps: 20)
        func draw(_ sampler: SamplerKind, eta: Double) throws -> [Float] {
            c.sampling.sampler = sampler
            c.sampling.eta = eta
            try c.validate()
            return try drawSamples(model: model, process: process, configuration: c).samples.scalars
        }
        let (zero, half, one) = (try draw(.ddim, eta: 0), try draw(.ddim, eta: 0.5), try draw(.ddim, eta: 1))
        #expect(one == (try draw(.ddimEta1, eta: 0)))
        #expect(half != zero && half != one)
        c.sampling.sampler = .ddim
        c.sampling.eta = 1.5
        #expect(errorText { try c.validate() }?.contains("--eta must be in [0, 1], got 1.5") == true)
        c.sampling.sampler = .ddpm
        c.sampling.eta = 0.5
        #expect(errorText { try c.validate() }?.contains("--eta applies to --sampler ddim") == true)
    }

    /// `--rho`: ρ = 1 makes the grid uniform in σ̃; another ρ than 7 changes the samples of every
    /// Karras-grid sampler; a bad ρ, or ρ on another sampler, is refused naming the flag.
    @Test func karrasSamplersTakeAnyRho() throws {
        var (c, process, model) = try exactGMM(steps: 12)
        let uniform = try karrasSigmas(process: process, steps: 6, rho: 1).prefix(6)
        let gaps = zip(uniform, uniform.dropFirst()).map { $0 - $1 }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1e-9 * uniform.first! }, "\(Array(uniform))")
        for sampler in [SamplerKind.euler, .heun, .dpmSolver2M] {
            c.sampling.sampler = sampler
            c.sampling.rho = 7
            try c.validate()
            let seven = try drawSamples(model: model, process: process, configuration: c).samples.scalars
            c.sampling.rho = 2
            try c.validate()
            let two = try drawSamples(model: model, process: process, configuration: c).samples.scalars
            #expect(two != seven, "\(sampler.rawValue)")
        }
        c.sampling.rho = 0
        #expect(errorText { try c.validate() }?.contains("--rho must be positive, got 0") == true)
        c.sampling.sampler = .ddim
        c.sampling.rho = 3
        #expect(errorText { try c.validate() }?.contains("--rho sets the Karras grid") == true)
    }
}
