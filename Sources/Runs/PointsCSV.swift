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
        // Columns: by the header's names when there is one (x, y and optionally label), else x,y.
        var (xColumn, yColumn, labelColumn, width): (Int, Int, Int?, Int) = (0, 1, nil, 2)
        // Any newline ends a line ("\r\n" is one Character in Swift, so it must be matched as a newline).
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = i + 1
            if line.isEmpty {
                // A trailing newline is fine; an empty line inside the data is not.
                if i == lines.count - 1 { continue }
                throw ReadError.badLine(file: path, line: number, reason: "empty line")
            }
            if line.contains("\0") { throw ReadError.badLine(file: path, line: number, reason: "holds a NUL byte (not a text CSV?)") }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if i == 0 && fields.contains(where: { Double($0) == nil }) {  // header
                let names = fields.map { $0.lowercased() }
                guard let x = names.firstIndex(of: "x"), let y = names.firstIndex(of: "y") else {
                    throw ReadError.badLine(file: path, line: number, reason: "the header names no x and y columns (found \(fields.joined(separator: ", ")))")
                }
                (xColumn, yColumn, labelColumn, width) = (x, y, names.firstIndex(of: "label"), fields.count)
                continue
            }
            guard fields.count == width else {
                throw ReadError.badLine(
                    file: path, line: number, reason: "expected \(width) columns, found \(fields.count)")
            }
            guard let x = Double(fields[xColumn]), let y = Double(fields[yColumn]) else {
                throw ReadError.badLine(file: path, line: number, reason: "not numeric: '\(fields[xColumn])', '\(fields[yColumn])'")
            }
            guard x.isFinite && y.isFinite else { throw ReadError.badLine(file: path, line: number, reason: "non-finite value (\(x), \(y))") }
            points.append(SIMD2(x, y))
            if let labelColumn {
                guard let label = Int(fields[labelColumn]), label >= 0 else {
                    throw ReadError.badLine(file: path, line: number, reason: "label must be a non-negative integer, got '\(fields[labelColumn])'")
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
