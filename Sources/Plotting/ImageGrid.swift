import Foundation

extension Figures {
    /// Images in a grid of `columns` per row — grey (`with image`) for one channel, colour
    /// (`with rgbimage`) for three — as one bitmap whose pixels are enlarged as squares, not
    /// smoothed (`with image pixels` would draw each as a rectangle, with antialiasing seams).
    /// `images` are [channels, height, width] values in [0, 1] (channel-major, as PyTorch lays
    /// them out); a value outside [0, 1] is an error, not silently clamped (`clippedPixels` says
    /// how many the caller clipped, and the caption states it). Optional row labels on the left
    /// (class names of a conditional run) and a caption under the grid.
    public static func imageGrid(
        name: String, title: String, images: [[Float]], channels: Int, height: Int, width: Int, columns: Int, rowLabels: [String] = [],
        caption: String = "", scale: Int = 3
    ) throws -> Figure {
        precondition(channels == 1 || channels == 3, "imageGrid: 1 or 3 channels, got \(channels)")
        precondition(columns >= 1 && !images.isEmpty, "imageGrid: need images and at least one column")
        for (k, image) in images.enumerated() {
            precondition(image.count == channels * height * width, "imageGrid: image \(k) has \(image.count) values, expected \(channels * height * width)")
            if let bad = image.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw PlotError.invalidData("image \(k) of \(name) has value \(image[bad]) at \(bad), outside [0, 1]")
            }
        }
        let rows = (images.count + columns - 1) / columns
        let gap = 2
        let (cellW, cellH) = (width + gap, height + gap)
        // The whole canvas in scan order (x fastest, y upward), as `with image` needs: gaps between
        // images are white, row 0 of the grid and of each image on top. One line per pixel:
        // x y value (grey) or x y r g b (0–255).
        let (totalW, totalH) = (columns * cellW - gap, rows * cellH - gap)
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
                    let rgb = (0..<3).map { c in Int((canvas[(c * totalH + row) * totalW + x] * 255).rounded()) }
                    text += "\(x) \(y) \(rgb[0]) \(rgb[1]) \(rgb[2])\n"
                }
            }
        }
        let labelMargin = rowLabels.isEmpty ? 0 : 110
        var body = """
            set title '\(title)'
            unset key
            unset border
            unset xtics
            unset ytics
            unset colorbox
            set size ratio -1
            set xrange [-0.5:\(Double(totalW) - 0.5)]
            set yrange [-0.5:\(Double(totalH) - 0.5)]
            set lmargin at screen \(Double(labelMargin) / Double(labelMargin + totalW * scale + 40))

            """
        if channels == 1 { body += "set palette grey\nset cbrange [0:1]\n" }
        for (r, label) in rowLabels.prefix(rows).enumerated() {
            body += "set label \(r + 1) '\(label.replacingOccurrences(of: "'", with: "''"))' at -4,\(Double((rows - 1 - r) * cellH) + Double(height) / 2) right font ',9'\n"
        }
        if !caption.isEmpty { body += "set xlabel '\(caption.replacingOccurrences(of: "'", with: "''"))'\n" }
        body += channels == 1
            ? "plot '\(name).dat' using 1:2:3 with image\n"
            : "plot '\(name).dat' using 1:2:3:4:5 with rgbimage\n"
        return Figure(
            name: name, data: ["\(name).dat": text], body: body, width: labelMargin + totalW * scale + 40, height: totalH * scale + (caption.isEmpty ? 70 : 100))
    }
}
