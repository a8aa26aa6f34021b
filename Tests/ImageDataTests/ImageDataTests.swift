import CZlib
import Foundation
import ImageData
import Testing

/// The image readers on files written here in each exact format (good and bad), and on the real
/// Fashion-MNIST that bin/setup installs.
@Suite struct ImageDataTests {
    /// A fresh folder for one test.
    static func folder() -> String {
        let dir = NSTemporaryDirectory() + "toy-imagedata-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ bytes: [UInt8], to path: String, gzip: Bool) {
        if gzip {
            let file = gzopen(path, "wb")!
            bytes.withUnsafeBytes { _ = gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            gzclose(file)
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        }
    }

    /// Three 28×28 images with labels 7, 0, 9 as the four IDX files of both splits.
    static func mnistFolder(gzip: Bool, images: Int = 3, labels: [UInt8] = [7, 0, 9]) -> (String, IDXArray) {
        let dir = folder()
        let pixels = IDXArray(shape: [images, 28, 28], values: (0..<(images * 784)).map { UInt8(($0 * 37) % 256) })
        let suffix = gzip ? ".gz" : ""
        for prefix in ["train", "t10k"] {
            write(pixels.encoded, to: "\(dir)/\(prefix)-images-idx3-ubyte\(suffix)", gzip: gzip)
            write(IDXArray(shape: [labels.count], values: labels).encoded, to: "\(dir)/\(prefix)-labels-idx1-ubyte\(suffix)", gzip: gzip)
        }
        return (dir, pixels)
    }

    @Test(arguments: [false, true])
    func idxFilesReadBackExactlyGzippedOrNot(gzip: Bool) throws {
        let (dir, pixels) = Self.mnistFolder(gzip: gzip)
        for split in ImageSplit.allCases {
            let data = try ImageDatasetKind.mnist.load(split, from: dir)
            #expect(data.count == 3 && data.imageShape == [1, 28, 28] && data.classes == 10)
            #expect(data.pixels == pixels.values && data.labels == [7, 0, 9])
            #expect(data.floats(0..<1, interval: -1...1).prefix(2) == [-1, Float(37) / 255 * 2 - 1])
        }
    }

    /// Each fault names the file and what is wrong with it.
    @Test func badIDXFilesAreRefusedNamingFileAndFault() throws {
        func expectFailure(_ dir: String, _ file: String, _ phrase: String) {
            do {
                _ = try ImageDatasetKind.fashionMNIST.load(.train, from: dir)
                Issue.record("\(phrase): accepted")
            } catch {
                #expect("\(error)".contains(file) && "\(error)".contains(phrase), "\(error)")
            }
        }
        var (dir, pixels) = Self.mnistFolder(gzip: false)
        var bytes = pixels.encoded
        bytes[0] = 0x1f
        Self.write(bytes, to: dir + "/train-images-idx3-ubyte", gzip: false)
        expectFailure(dir, "train-images-idx3-ubyte", "not an IDX file")

        (dir, pixels) = Self.mnistFolder(gzip: false)
        Self.write(Array(pixels.encoded.dropLast(100)), to: dir + "/train-images-idx3-ubyte", gzip: false)
        expectFailure(dir, "train-images-idx3-ubyte", "truncated")

        (dir, pixels) = Self.mnistFolder(gzip: true)
        let compressed = try Data(contentsOf: URL(fileURLWithPath: dir + "/train-images-idx3-ubyte.gz"))
        Self.write(Array(compressed.prefix(compressed.count / 2)), to: dir + "/train-images-idx3-ubyte.gz", gzip: false)
        expectFailure(dir, "train-images-idx3-ubyte.gz", "ends early")

        (dir, _) = Self.mnistFolder(gzip: false, labels: [1, 2])
        expectFailure(dir, "train-labels-idx1-ubyte", "2 labels for the 3 images")

        (dir, _) = Self.mnistFolder(gzip: false, labels: [1, 12, 2])
        expectFailure(dir, "train-labels-idx1-ubyte", "label 1 is 12")

        (dir, _) = Self.mnistFolder(gzip: false)
        Self.write(IDXArray(shape: [3, 28, 27], values: [UInt8](repeating: 0, count: 3 * 28 * 27)).encoded, to: dir + "/train-images-idx3-ubyte", gzip: false)
        expectFailure(dir, "train-images-idx3-ubyte", "expected [n, 28, 28]")
    }

    @Test func aFolderWithoutTheFilesSaysWhereToGetThem() {
        let dir = Self.folder()
        do {
            _ = try ImageDatasetKind.cifar10.load(.train, from: dir)
            Issue.record("an empty folder was accepted")
        } catch let error as ImageDataError {
            guard case .missing(let name, let directory, let files, _) = error else { Issue.record("\(error)"); return }
            #expect(name == "cifar10" && directory == dir && files.count == 5)
            #expect("\(error)".contains("cs.toronto.edu/~kriz/cifar.html") && "\(error)".contains("--data-dir"))
        } catch { Issue.record("\(error)") }
        #expect(ImageDatasetKind.mnist.missingFiles(.test, in: dir) == ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
    }

    /// CIFAR-10 batches written in the exact binary format: five training batches concatenate in
    /// order, records keep their three 32×32 planes; bad sizes and labels are refused.
    @Test func cifar10BatchesReadBackAndBadBatchesAreRefused() throws {
        let dir = Self.folder()
        var allPixels: [UInt8] = [], allLabels: [Int] = []
        for b in 1...5 {
            let labels = [b % 10, (b * 3) % 10]
            let pixels = (0..<(2 * 3072)).map { UInt8(($0 + b * 11) % 256) }
            Self.write(CIFAR10.encode(pixels: pixels, labels: labels), to: "\(dir)/data_batch_\(b).bin", gzip: false)
            (allPixels, allLabels) = (allPixels + pixels, allLabels + labels)
        }
        Self.write(CIFAR10.encode(pixels: [UInt8](repeating: 200, count: 3072), labels: [9]), to: "\(dir)/test_batch.bin", gzip: false)
        let train = try ImageDatasetKind.cifar10.load(.train, from: dir)
        #expect(train.count == 10 && train.imageShape == [3, 32, 32] && train.pixels == allPixels && train.labels == allLabels)
        #expect(train.classNames[train.labels[0]] == "automobile")
        let test = try ImageDatasetKind.cifar10.load(.test, from: dir)
        #expect(test.count == 1 && test.labels == [9] && test.image(0).allSatisfy { $0 == 200 })

        Self.write(Array(CIFAR10.encode(pixels: allPixels.prefix(3072).map { $0 }, labels: [1]).dropLast(5)), to: "\(dir)/test_batch.bin", gzip: false)
        #expect(throws: ImageDataError.self) { try ImageDatasetKind.cifar10.load(.test, from: dir) }
        do { _ = try ImageDatasetKind.cifar10.load(.test, from: dir) } catch { #expect("\(error)".contains("test_batch.bin") && "\(error)".contains("3,073")) }
        var bad = CIFAR10.encode(pixels: [UInt8](repeating: 0, count: 3072), labels: [3])
        bad[0] = 10
        Self.write(bad, to: "\(dir)/test_batch.bin", gzip: false)
        do {
            _ = try ImageDatasetKind.cifar10.load(.test, from: dir)
            Issue.record("label 10 accepted")
        } catch { #expect("\(error)".contains("record 0 has label 10")) }
    }

    /// The real Fashion-MNIST (Debian's dataset-fashion-mnist): 60,000 + 10,000 images, 6,000 and
    /// 1,000 per class, and the published training-set pixel mean 0.2860 and std 0.3530.
    @Test func realFashionMNISTHasItsPublishedSizesAndStatistics() throws {
        let train = try ImageDatasetKind.fashionMNIST.load(.train)
        let test = try ImageDatasetKind.fashionMNIST.load(.test)
        #expect(train.count == 60_000 && test.count == 10_000 && train.imageShape == [1, 28, 28])
        for k in 0..<10 {
            #expect(train.labels.filter { $0 == k }.count == 6_000)
            #expect(test.labels.filter { $0 == k }.count == 1_000)
        }
        let values = train.pixels.map { Double($0) / 255 }
        let mean = values.reduce(0, +) / Double(values.count)
        let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        #expect(abs(mean - 0.2860) < 5e-4 && abs(std - 0.3530) < 5e-4, "mean \(mean), std \(std)")
    }
}
