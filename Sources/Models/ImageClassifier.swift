import Engine
import Foundation
import NN
import Stats
import Training

/// A small convolutional classifier of clean images whose penultimate activations are the image
/// features toy measures samples with ("FD/KID on toy classifier features": Inception's weights
/// are not available here, so FID proper cannot be computed). Layers (NHWC inside, NCHW outside):
/// per width w in `widths`, a 3×3 convolution (stride 2 from the second width on, halving the
/// resolution) → GroupNorm → SiLU; then a second 3×3 convolution at the last width → GroupNorm →
/// SiLU; global average pooling gives the features [n, widths.last]; a linear layer the logits.
public final class ImageClassifier: Module {
    /// The architecture: input channels, class count, widths and GroupNorm groups.
    public struct Configuration: Codable, Sendable, Equatable {
        public var inputChannels: Int
        public var classes: Int
        public var widths = [32, 64, 128]
        public var groups = 8

        public init(inputChannels: Int, classes: Int) { (self.inputChannels, self.classes) = (inputChannels, classes) }
    }

    public let configuration: Configuration
    let convolutions: [Conv2d]
    let norms: [GroupNorm]
    let head: Linear

    public init(_ c: Configuration, seed: UInt64) throws {
        configuration = c
        let rng = GSLRandom(seed: seed, stream: .initialization)
        var convolutions: [Conv2d] = [], norms: [GroupNorm] = []
        var channels = c.inputChannels
        for (i, w) in (c.widths + [c.widths.last!]).enumerated() {
            convolutions.append(Conv2d(name: "conv.\(i)", inChannels: channels, outChannels: w, kernel: 3, stride: i == 0 || i == c.widths.count ? 1 : 2, padding: 1, rng: rng))
            norms.append(try GroupNorm(name: "norm.\(i)", groups: c.groups, channels: w))
            channels = w
        }
        (self.convolutions, self.norms) = (convolutions, norms)
        head = Linear(name: "head", inFeatures: channels, outFeatures: c.classes, rng: rng)
    }

    public var parameters: [Parameter] { zip(convolutions, norms).flatMap { $0.parameters + $1.parameters } + head.parameters }

    /// Features [n, widths.last] of images x [n, c, h, w] (NCHW).
    public func features(_ x: Var) -> Var {
        var h = x.tape.relayout(x, from: .nchw, to: .nhwc)
        for (conv, norm) in zip(convolutions, norms) { h = norm(conv(h, layout: .nhwc), activation: .silu, layout: .nhwc) }
        return x.tape.averagePositions(h, layout: .nhwc)
    }

    /// Class logits [n, classes].
    public func logits(_ x: Var) -> Var { head(features(x)) }

    /// Trains on images [n, c, h, w] with `labels` by Adam on the cross-entropy, the learning rate
    /// decaying from `lr` to 0 on a cosine over all steps; batches drawn by a fresh permutation each
    /// epoch from `seed`. Calls `progress(epoch, mean loss of the epoch)` after each epoch.
    public func train(
        images: Tensor, labels: [Int], epochs: Int, batchSize: Int = 128, lr: Float = 2e-3, seed: UInt64, progress: (Int, Double) -> Void = { _, _ in }
    ) {
        let n = labels.count
        precondition(images.shape.first == n, "ImageClassifier.train: \(n) labels for images of shape \(images.shape)")
        let rng = GSLRandom(seed: seed, stream: .timesteps)
        let optimizer = Adam(parameters: parameters)
        let stepsPerEpoch = n / batchSize
        let total = Float(epochs * stepsPerEpoch)
        var step = 0
        let per = images.batchShape.perSample
        for epoch in 0..<epochs {
            let order = rng.permutation(n)
            var lossSum = 0.0
            for b in 0..<stepsPerEpoch {
                let rows = order[(b * batchSize)..<((b + 1) * batchSize)]
                var batch = [Float]()
                batch.reserveCapacity(batchSize * per)
                images.scalars.withUnsafeBufferPointer { p in for r in rows { batch.append(contentsOf: p[(r * per)..<((r + 1) * per)]) } }
                for p in parameters { p.zeroGrad() }
                let tape = Tape()
                let loss = tape.crossEntropy(logits(tape.constant(Tensor(shape: [batchSize] + images.shape.dropFirst(), scalars: batch))), labels: rows.map { labels[$0] })
                tape.backward(loss)
                optimizer.update(lr: lr * 0.5 * (1 + Float(cos(Double.pi * Double(step) / Double(total)))))
                lossSum += Double(loss.value.scalar)
                step += 1
            }
            progress(epoch, lossSum / Double(stepsPerEpoch))
        }
    }

    /// Evaluates `body` on batches of `batchSize` images, without recording.
    func batches(_ images: Tensor, batchSize: Int, _ body: (Var) -> Void) {
        let n = images.shape[0]
        var start = 0
        while start < n {
            let tape = Tape(recording: false)
            body(tape.constant(images.rows(start..<min(start + batchSize, n))))
            start += batchSize
        }
    }

    /// Feature rows (one [Double] per image, for FD/KID) and the most likely class of each image,
    /// from one pass through the network.
    public func classify(_ images: Tensor, batchSize: Int = 500) -> (features: [[Double]], classes: [Int]) {
        var rows: [[Double]] = [], classes: [Int] = []
        let k = configuration.classes
        batches(images, batchSize: batchSize) { x in
            let f = features(x)
            let (fv, z) = (f.value, head(f).value)
            let d = fv.shape[1]
            for r in 0..<fv.shape[0] {
                rows.append(fv.scalars[(r * d)..<((r + 1) * d)].map(Double.init))
                let logits = z.scalars[(r * k)..<((r + 1) * k)]
                classes.append(logits.firstIndex(of: logits.max()!)! - r * k)
            }
        }
        return (rows, classes)
    }

    /// The share of `images` whose most likely class is their label.
    public func accuracy(images: Tensor, labels: [Int], batchSize: Int = 500) -> Double {
        let predicted = classify(images, batchSize: batchSize).classes
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Feature rows of `images` (one [Double] per image), for FD/KID.
    public func featureRows(_ images: Tensor, batchSize: Int = 500) -> [[Double]] { classify(images, batchSize: batchSize).features }
}
