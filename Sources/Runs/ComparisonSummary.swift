import Foundation
import Stats

/// The measured columns of a comparison, each with the way that is better and its data-vs-data
/// baseline where it has one.
public enum ComparisonMetric: String, CaseIterable, Sendable {
    case nfe, seconds, energyDistance, mmd, classifierAccuracy, slicedWasserstein, precision, recall

    /// The CSV column name.
    public var column: String {
        switch self {
        case .nfe: "nfe"
        case .seconds: "seconds"
        case .energyDistance: "energy_distance"
        case .mmd: "mmd2"
        case .classifierAccuracy: "classifier_accuracy"
        case .slicedWasserstein: "sliced_w2"
        case .precision: "precision"
        case .recall: "recall"
        }
    }

    /// The table header, with which way is better: ↓ lower, ↑ higher, → 0.5 (chance) for the classifier.
    public var header: String {
        switch self {
        case .nfe: "NFE"
        case .seconds: "seconds"
        case .energyDistance: "energy ↓"
        case .mmd: "MMD² ↓"
        case .classifierAccuracy: "C2ST acc → 0.5"
        case .slicedWasserstein: "SW2 ↓"
        case .precision: "precision ↑"
        case .recall: "recall ↑"
        }
    }

    /// printf format of a value in the tables.
    var format: String {
        switch self {
        case .nfe: "%.0f"
        case .seconds: "%.2f"
        case .energyDistance: "%.4f"
        case .mmd: "%.5f"
        default: "%.3f"
        }
    }

    public func value(_ r: ComparisonRow) -> Double {
        switch self {
        case .nfe: Double(r.modelEvaluations)
        case .seconds: r.seconds
        case .energyDistance: r.energyDistance
        case .mmd: r.mmd
        case .classifierAccuracy: r.classifierAccuracy
        case .slicedWasserstein: r.slicedWasserstein
        case .precision: r.precision
        case .recall: r.recall
        }
    }

    /// The data-vs-data value of the same metric (nil for cost columns).
    public func baseline(_ r: ComparisonRow) -> Double? {
        switch self {
        case .nfe, .seconds: nil
        case .energyDistance: r.baselineEnergyDistance
        case .mmd: r.baselineMMD
        case .classifierAccuracy: r.baselineClassifierAccuracy
        case .slicedWasserstein: r.baselineSlicedWasserstein
        case .precision: r.baselinePrecision
        case .recall: r.baselineRecall
        }
    }

    /// The quality metrics (every column but the cost ones).
    public static let quality: [ComparisonMetric] = allCases.filter { $0 != .nfe && $0 != .seconds }

    /// `mean ± half-width` (the mean alone from one seed).
    func text(_ ci: ConfidenceInterval) -> String {
        let mean = String(format: format, ci.mean)
        guard let h = ci.halfWidth, h > 0 else { return mean }
        return mean + " ± " + String(format: format == "%.0f" ? "%.0f" : format, h)
    }
}

/// A comparison cell over its sampling seeds: the mean and 95% Student-t interval of every metric
/// (ConfidenceInterval), and the same for the data-vs-data baseline of the seeds it used.
public struct ComparisonSummaryRow: Sendable {
    /// The cell's first seed (its identity, and the samples of the scatter grid).
    public let first: ComparisonRow
    public let seeds: [UInt64]
    public let metrics: [ComparisonMetric: ConfidenceInterval]
    public let baselines: [ComparisonMetric: ConfidenceInterval]

    init(_ rows: [ComparisonRow]) {
        first = rows[0]
        seeds = rows.map(\.seed)
        metrics = Dictionary(uniqueKeysWithValues: ComparisonMetric.allCases.map { m in (m, ConfidenceInterval(rows.map(m.value))) })
        baselines = Dictionary(
            uniqueKeysWithValues: ComparisonMetric.quality.map { m in (m, ConfidenceInterval(rows.map { m.baseline($0)! })) })
    }

    public subscript(_ m: ComparisonMetric) -> ConfidenceInterval { metrics[m]! }
}

/// Groups a comparison's rows by cell (run, sampler, budget or tolerance), in the order the cells
/// were first measured.
public func summarize(_ rows: [ComparisonRow]) -> [ComparisonSummaryRow] {
    var order: [ComparisonCell] = []
    var groups: [ComparisonCell: [ComparisonRow]] = [:]
    for r in rows {
        if groups[r.cell] == nil { order.append(r.cell) }
        groups[r.cell, default: []].append(r)
    }
    return order.map { ComparisonSummaryRow(groups[$0]!) }
}
