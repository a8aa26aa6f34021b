import Datasets
import Foundation
import Stats
import Testing

/// Statistics of every generator against scikit-learn's generators and FFJORD's formulas,
/// computed by Golden/make_dataset_stats.py (its output, with provenance, in dataset_stats.json).
@Suite struct DatasetStatisticsTests {
    struct Stat: Decodable { let value: Double; let se: Double }
    struct Golden: Decodable { let provenance: String; let datasets: [String: [String: Stat]] }

    static let golden: Golden = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/dataset_stats.json")
        return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: ToyDataset.allCases)
    func statisticsMatchTheReferenceGenerator(_ dataset: ToyDataset) throws {
        let reference = try #require(Self.golden.datasets[dataset.rawValue])
        let n = 200_000
        let p = dataset.sample(n, rng: GSLRandom(seed: 42, stream: .data))
        #expect(p.count == n)
        let x = p.map(\.x), y = p.map(\.y), r = p.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
        let (mx, my, mr) = (Summary(x).mean, Summary(y).mean, Summary(r).mean)
        func perPoint(_ f: (Int) -> Double) -> [Double] { (0..<n).map(f) }
        let ours: [String: [Double]] = [
            "mean_x": x, "mean_y": y, "mean_r": r,
            "var_x": perPoint { (x[$0] - mx) * (x[$0] - mx) }, "var_y": perPoint { (y[$0] - my) * (y[$0] - my) },
            "cov_xy": perPoint { (x[$0] - mx) * (y[$0] - my) }, "var_r": perPoint { (r[$0] - mr) * (r[$0] - mr) },
        ]
        for (name, values) in ours {
            let ref = try #require(reference[name])
            let s = Summary(values)
            // Two independent estimates: their difference has standard error √(se₁² + se₂²).
            let tolerance = 5 * (ref.se * ref.se + s.standardError * s.standardError).squareRoot() + 1e-9
            #expect(abs(s.mean - ref.value) <= tolerance, "\(dataset.rawValue) \(name): toy \(s.mean), reference \(ref.value) ± \(ref.se)")
        }
    }

    @Test(arguments: ToyDataset.allCases)
    func sameSeedGivesTheSamePoints(_ dataset: ToyDataset) {
        let a = dataset.sample(500, rng: GSLRandom(seed: 1))
        #expect(a == dataset.sample(500, rng: GSLRandom(seed: 1)))
        #expect(a != dataset.sample(500, rng: GSLRandom(seed: 2)))
        #expect(a.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    @Test func noiseParameterWidensTheData() {
        let tight = ToyDataset.moons.sample(20_000, noise: 0, rng: GSLRandom(seed: 3))
        let wide = ToyDataset.moons.sample(20_000, noise: 0.3, rng: GSLRandom(seed: 3))
        #expect(Summary(wide.map(\.y)).variance > Summary(tight.map(\.y)).variance + 0.1)
    }

    @Test func checkerboardOccupiesOnlyItsEightSquares() {
        for p in ToyDataset.checkerboard.sample(10_000, rng: GSLRandom(seed: 4)) {
            let (i, j) = (Int(floor(p.x / 2)), Int(floor(p.y / 2)))
            #expect((i + j) % 2 == 0, "point \(p) lies on a white square")
            #expect(abs(p.x) <= 4 && abs(p.y) <= 4)
        }
    }
}
