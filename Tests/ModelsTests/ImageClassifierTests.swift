import Engine
import Models
import Stats
import Testing

@Suite struct ImageClassifierTests {
    /// Three classes of noisy 8×8 images (a bright left half, right half or top half) are learned:
    /// held-out accuracy ≥ 95% where chance is 33%, and features have one row of widths.last per image.
    @Test func learnsASimpleThreeClassProblem() throws {
        let rng = GSLRandom(seed: 3)
        func images(_ n: Int) -> (Tensor, [Int]) {
            var pixels: [Float] = [], labels: [Int] = []
            for i in 0..<n {
                let k = i % 3
                labels.append(k)
                for y in 0..<8 {
                    for x in 0..<8 {
                        let bright = k == 0 ? x < 4 : k == 1 ? x >= 4 : y < 4
                        pixels.append((bright ? 0.6 : -0.6) + Float(rng.gaussian()) * 0.5)
                    }
                }
            }
            return (Tensor(shape: [n, 1, 8, 8], scalars: pixels), labels)
        }
        let (train, trainLabels) = images(384), (test, testLabels) = images(150)
        var c = ImageClassifier.Configuration(inputChannels: 1, classes: 3)
        (c.widths, c.groups) = ([8, 16], 4)
        let net = try ImageClassifier(c, seed: 1)
        let before = net.accuracy(images: test, labels: testLabels)
        var losses: [Double] = []
        net.train(images: train, labels: trainLabels, epochs: 6, batchSize: 32, lr: 1e-2, seed: 2) { losses.append($1) }
        let after = net.accuracy(images: test, labels: testLabels)
        #expect(after >= 0.95, "accuracy \(before) → \(after), losses \(losses)")
        #expect(losses.last! < losses.first!)
        let features = net.featureRows(test)
        #expect(features.count == 150 && features.allSatisfy { $0.count == 16 })
    }
}
