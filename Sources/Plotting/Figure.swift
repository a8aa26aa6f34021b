import Foundation

/// Output formats of figures: PNG (pngcairo, default), SVG, PDF (pdfcairo); GIF for animations.
public enum FigureFormat: String, CaseIterable, Codable, Sendable {
    case png, svg, pdf

    /// The gnuplot terminal line for a figure of `width`×`height` pixels (PDF at 100 px per inch).
    func terminal(width: Int, height: Int) -> String {
        switch self {
        case .png: "set terminal pngcairo size \(width),\(height) enhanced font 'DejaVu Sans,11'"
        case .svg: "set terminal svg size \(width),\(height) dynamic enhanced font 'DejaVu Sans,11' background rgb 'white'"
        case .pdf: "set terminal pdfcairo size \(Double(width) / 100)in,\(Double(height) / 100)in enhanced font 'DejaVu Sans,9'"
        }
    }
}

/// A figure as files: its data (text tables gnuplot reads), a standalone script NAME.gp, and the
/// rendered image. `gnuplot NAME.gp` in the same folder redraws it, so it can be restyled.
public struct Figure: Sendable {
    public var name: String
    /// Data files by name (relative to the figure's folder).
    public var data: [String: String]
    /// The plotting commands, after the terminal and output lines.
    public var body: String
    public var width: Int
    public var height: Int
    /// Animations are GIFs whatever the requested format.
    public var animated: Bool

    public init(name: String, data: [String: String], body: String, width: Int = 1000, height: Int = 500, animated: Bool = false) {
        self.name = name
        self.data = data
        self.body = body
        self.width = width
        self.height = height
        self.animated = animated
    }

    public func outputName(_ format: FigureFormat) -> String { animated ? "\(name).gif" : "\(name).\(format.rawValue)" }

    /// The complete script for `format`.
    public func script(_ format: FigureFormat) -> String {
        let terminal =
            animated
            ? "set terminal gif animate delay 12 loop 0 size \(width),\(height) enhanced font 'DejaVu Sans,11'"
            : format.terminal(width: width, height: height)
        return """
            # \(name): written by toy. Redraw with: gnuplot \(name).gp
            \(terminal)
            set output '\(outputName(format))'
            \(Style.common)
            \(body)
            unset output

            """
    }

    /// Writes data and script into `directory`, then renders with `gnuplot` when given. A failed
    /// render never leaves an empty image behind.
    public func write(to directory: URL, format: FigureFormat, gnuplot: Gnuplot?) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (file, text) in data { try Data(text.utf8).write(to: directory.appendingPathComponent(file), options: .atomic) }
        let script = script(format)
        try Data(script.utf8).write(to: directory.appendingPathComponent("\(name).gp"), options: .atomic)
        guard let gnuplot else { return }
        let output = directory.appendingPathComponent(outputName(format))
        do {
            try gnuplot.run(script: script, in: directory)
        } catch {
            try? FileManager.default.removeItem(at: output)
            throw error
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        if size == 0 {
            try? FileManager.default.removeItem(at: output)
            throw PlotError.gnuplotFailed(status: 0, message: "gnuplot wrote an empty \(output.lastPathComponent)")
        }
    }
}

/// House style: one colour for data, one for samples, everywhere.
public enum Style {
    public static let dataColor = "#1f77b4"
    public static let sampleColor = "#d62728"
    static let common = """
        set border lw 1.2
        set tics out nomirror
        set key top right opaque
        """
}
