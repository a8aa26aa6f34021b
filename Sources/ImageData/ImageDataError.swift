/// What went wrong reading image data: always the file (or folder) and the fault, so a user can
/// fix it; never a crash.
public enum ImageDataError: Error, CustomStringConvertible, Equatable {
    /// The file is there but its contents are not what the format says.
    case corrupt(file: String, reason: String)
    /// Files the dataset needs are absent; `help` says where to get them and where to put them.
    case missing(dataset: String, directory: String, files: [String], help: String)

    public var description: String {
        switch self {
        case .corrupt(let file, let reason): "\(file): \(reason)"
        case .missing(let dataset, let directory, let files, let help):
            "\(dataset): \(directory) lacks \(files.joined(separator: ", ")). \(help)"
        }
    }
}
