import ArgumentParser
import Datasets
import ImageData

/// A dataset named on the command line: a 2-D toy distribution (the MLP path) or an image
/// dataset (the U-Net path).
enum DatasetName: ExpressibleByArgument, Equatable {
    case toy(ToyDataset)
    case images(ImageDatasetKind)

    init?(argument: String) {
        if let d = ToyDataset(rawValue: argument) {
            self = .toy(d)
        } else if let k = ImageDatasetKind(rawValue: argument) {
            self = .images(k)
        } else {
            return nil
        }
    }

    var name: String {
        switch self {
        case .toy(let d): d.rawValue
        case .images(let k): k.rawValue
        }
    }

    static var allValueStrings: [String] { ToyDataset.allCases.map(\.rawValue) + ImageDatasetKind.allCases.map(\.rawValue) }
}
