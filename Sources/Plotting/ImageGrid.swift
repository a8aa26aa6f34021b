import Foundation

extension Figures {
    /// White pixels between the images of a grid.
    static let gridGap = 2

    /// Images in a grid of `columns` per row — grey (`with image`) for one channel, colour
    /// (`with rgbimage`) for three — as one bitmap whose pixels are enlarged as squares, not
    /// smoothed (`with image pixels` would draw each as a rectangle, with antialiasing seams).
    /// `images` are [channels, height, width] values in [0, 1] (channel-major, as PyTorch lays
    /// them out); a value outside [0, 1] is an error, not silently clamped (a caller that clipped
    /// says so in the caption). Optional row labels on the left (class names of a conditional run),
    /// column labels on top (one or more lines each: times of a process) and a caption under the grid.
    public static func imageGrid(
        name: String, title: String, images: [[Float]], channels: Int, height: Int, width: Int, columns: Int, rowLabels: [String] = [],
        columnLabels: [[String]] = [], caption: String = "", scale: Int = 3
    ) throws -> Figure {
        try check(images, name: name, channels: channels, height: height, width: width, columns: columns)
        let (text, totalW, totalH) = canvas(images, channels: channels, height: height, width: width, columns: columns)
        let rows = (images.count + columns - 1) / columns
        let labelMargin = rowLabels.isEmpty ? 0 : 110
        let figureWidth = labelMargin + totalW * scale + 40
        let labelLines = columnLabels.map(\.count).max() ?? 0
        var body = "set title '\(quoted(title))'\(labelLines > 0 ? " offset 0,\(labelLines + 1)" : "")\n"
        body += bitmapSettings(channels: channels, width: totalW, height: totalH, leftMargin: Double(labelMargin) / Double(figureWidth))
        for (r, label) in rowLabels.prefix(rows).enumerated() {
            let y = Double((rows - 1 - r) * (height + gridGap)) + Double(height) / 2
            body += "set label \(r + 1) '\(quoted(label))' at -4,\(y) right font ',9'\n"
        }
        var tag = rowLabels.count
        for (k, lines) in columnLabels.prefix(columns).enumerated() {
            let x = Double(k * (width + gridGap)) + Double(width - 1) / 2
            for (i, line) in lines.enumerated() {
                tag += 1
                let y = Double(totalH) + 1 + Double(lines.count - i) * 12 / Double(scale)
                body += "set label \(tag) '\(quoted(line))' at \(x),\(y) center font ',9'\n"
            }
        }
        if labelLines > 0 { body += "set tmargin \(2 + labelLines + (title.isEmpty ? 0 : 2))\n" }
        if !caption.isEmpty { body += "set xlabel '\(quoted(caption))'\n" }
        body += plotCommand(name: name, channels: channels, index: nil)
        return Figure(
            name: name, data: ["\(name).dat": text], body: body, width: figureWidth,
            height: totalH * scale + (caption.isEmpty ? 70 : 100) + 16 * labelLines)
    }

    /// An animated GIF of image grids, one frame per entry of `frames` (each the same number of
    /// images, values in [0, 1]), titled by its label; the last frame is held for a few frames.
    public static func imageAnimation(
        name: String, frames: [(label: String, images: [[Float]])], channels: Int, height: Int, width: Int, columns: Int, scale: Int = 3
    ) throws -> Figure {
        precondition(!frames.isEmpty, "imageAnimation: no frames")
        var blocks: [String] = []
        var size = (0, 0)
        for (k, frame) in frames.enumerated() {
            try check(frame.images, name: "\(name) frame \(k)", channels: channels, height: height, width: width, columns: columns)
            let (text, w, h) = canvas(frame.images, channels: channels, height: height, width: width, columns: columns)
            blocks.append(text)
            size = (w, h)
        }
        var body = bitmapSettings(channels: channels, width: size.0, height: size.1, leftMargin: 0)
        for (i, frame) in frames.enumerated() {
            for _ in 0..<(i == frames.count - 1 ? 6 : 1) {
                body += "set title '\(quoted(frame.label))'\n" + plotCommand(name: name, channels: channels, index: i)
            }
        }
        return Figure(
            name: name, data: ["\(name).dat": blocks.joined(separator: "\n\n")], body: body, width: size.0 * scale + 40,
            height: size.1 * scale + 70, animated: true)
    }

    /// Checks shapes (a programming error) and values (outside [0, 1] or not finite: a data error).
    static func check(_ images: [[Float]], name: String, channels: Int, height: Int, width: Int, columns: Int) throws {
        precondition(channels == 1 || channels == 3, "imageGrid: 1 or 3 channels, got \(channels)")
        precondition(columns >= 1 && !images.isEmpty, "imageGrid: need images and at least one column")
        for (k, image) in images.enumerated() {
            precondition(image.count == channels * height * width, "imageGrid: image \(k) has \(image.count) values, expected \(channels * height * width)")
            if let bad = image.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw PlotError.invalidData("image \(k) of \(name) has value \(image[bad]) at \(bad), outside [0, 1]")
            }
        }
    }

    /// The whole grid as one bitmap in scan order (x fastest, y upward), as `with image` needs:
    /// gaps between images are white, row 0 of the grid and of each image on top. One line per
    /// pixel: x y value (grey) or x y r g b (0–255).
    static func canvas(_ images: [[Float]], channels: Int, height: Int, width: Int, columns: Int) -> (text: String, width: Int, height: Int) {
        let rows = (images.count + columns - 1) / columns
        let (cellW, cellH) = (width + gridGap, height + gridGap)
        let (totalW, totalH) = (columns * cellW - gridGap, rows * cellH - gridGap)
        var canvas = [Float](repeating: 1, count: channels * totalW * totalH)
        for (k, image) in images.enumerated() {
            let (x0, top) = ((k % columns) * cellW, (k / columns) * cellH)
            for c in 0..<channels {
                for i in 0..<height {
                    for j in 0..<width { canvas[(c * totalH + top + i) * totalW + x0 + j] = image[(c * height + i) * width + j] }
                }
            }
        }
        var text = ""
        text.reserveCapacity(totalW * totalH * (channels == 1 ? 16 : 24))
        for y in 0..<totalH {
            let row = totalH - 1 - y
            for x in 0..<totalW {
                if channels == 1 {
                    text += "\(x) \(y) \(canvas[row * totalW + x])\n"
                } else {
                    // Non-finite pixels (reported by the run) draw as 0, not as a crash.
                    let rgb = (0..<3).map { c in
                        let v = canvas[(c * totalH + row) * totalW + x]
                        return v.isFinite ? Int((min(max(v, -1e6), 1e6) * 255).rounded()) : 0
                    }
                    text += "\(x) \(y) \(rgb[0]) \(rgb[1]) \(rgb[2])\n"
                }
            }
        }
        return (text, totalW, totalH)
    }

    /// Axes off, square pixels, the bitmap's extent, the grey palette for one channel.
    static func bitmapSettings(channels: Int, width: Int, height: Int, leftMargin: Double) -> String {
        var s = """
            unset key
            unset border
            unset xtics
            unset ytics
            unset colorbox
            set size ratio -1
            set xrange [-0.5:\(Double(width) - 0.5)]
            set yrange [-0.5:\(Double(height) - 0.5)]
            set lmargin at screen \(leftMargin)

            """
        if channels == 1 { s += "set palette grey\nset cbrange [0:1]\n" }
        return s
    }

    static func plotCommand(name: String, channels: Int, index: Int?) -> String {
        let block = index.map { " index \($0)" } ?? ""
        return channels == 1
            ? "plot '\(name).dat'\(block) using 1:2:3 with image\n"
            : "plot '\(name).dat'\(block) using 1:2:3:4:5 with rgbimage\n"
    }

    /// A string inside gnuplot's single quotes.
    static func quoted(_ s: String) -> String { s.replacingOccurrences(of: "'", with: "''") }
}
