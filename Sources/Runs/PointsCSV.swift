import Foundation

/// Reading a CSV of 2-D points (what `toy eval` scores): an optional header line, then two numeric
/// columns per line. Every fault names the file and the line.
public enum PointsCSV {
    public enum ReadError: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)
        case badLine(file: String, line: Int, reason: String)
        case empty(String)
        public var description: String {
            switch self {
            case .missing(let f): "no such file: '\(f)'"
            case .unreadable(let f, let why): "cannot read '\(f)': \(why)"
            case .badLine(let f, let l, let why): "\(f):\(l): \(why)"
            case .empty(let f): "'\(f)' holds no points"
            }
        }
    }

    public static func read(_ url: URL) throws -> [SIMD2<Double>] { try readLabeled(url).points }

    /// Points and, when the header names a `label` column, their class labels (non-negative integers).
    public static func readLabeled(_ url: URL) throws -> (points: [SIMD2<Double>], labels: [Int]?) {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { throw ReadError.missing(path) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw ReadError.unreadable(path, "\(error.localizedDescription)") }
        var points: [SIMD2<Double>] = []
        var labels: [Int] = []
        var labelColumn: Int? = nil
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = i + 1
            if line.isEmpty {
                // A trailing newline is fine; an empty line inside the data is not.
                if i == lines.count - 1 { continue }
                throw ReadError.badLine(file: path, line: number, reason: "empty line")
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if i == 0 && fields.contains(where: { Double($0) == nil }) {  // header
                labelColumn = fields.firstIndex(of: "label")
                continue
            }
            guard fields.count >= 2 else {
                throw ReadError.badLine(file: path, line: number, reason: "expected two columns x,y, found \(fields.count)")
            }
            guard let x = Double(fields[0]), let y = Double(fields[1]) else {
                throw ReadError.badLine(file: path, line: number, reason: "not numeric: '\(fields[0])', '\(fields[1])'")
            }
            guard x.isFinite && y.isFinite else { throw ReadError.badLine(file: path, line: number, reason: "non-finite value (\(x), \(y))") }
            points.append(SIMD2(x, y))
            if let labelColumn {
                guard labelColumn < fields.count, let label = Int(fields[labelColumn]), label >= 0 else {
                    throw ReadError.badLine(
                        file: path, line: number, reason: "label must be a non-negative integer, got '\(labelColumn < fields.count ? fields[labelColumn] : "")'")
                }
                labels.append(label)
            }
        }
        guard !points.isEmpty else { throw ReadError.empty(path) }
        return (points, labelColumn == nil ? nil : labels)
    }

    /// Points from a CSV file, or from a NumPy .npy file of shape [n, 2] (float32 or float64).
    public static func readAny(_ url: URL) throws -> (points: [SIMD2<Double>], labels: [Int]?) {
        url.pathExtension.lowercased() == "npy" ? (try NPY.readPoints(url), nil) : try readLabeled(url)
    }
}
