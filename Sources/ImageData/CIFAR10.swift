/// The binary version of CIFAR-10 (Krizhevsky 2009, `cifar-10-batches-bin`): each record is 3,073
/// bytes — the label (0–9), then 1,024 red, 1,024 green and 1,024 blue values of a 32×32 image in
/// row-major order (so each record is already channel-major).
public enum CIFAR10 {
    public static let recordSize = 1 + 3 * 32 * 32

    /// Images ([n, 3, 32, 32] bytes) and labels of one batch file's `bytes`, read from `file`.
    public static func decode(_ bytes: [UInt8], file: String) throws -> (pixels: [UInt8], labels: [Int]) {
        guard !bytes.isEmpty else { throw ImageDataError.corrupt(file: file, reason: "empty file") }
        guard bytes.count % recordSize == 0 else {
            throw ImageDataError.corrupt(
                file: file, reason: "\(bytes.count) bytes is not a whole number of 3,073-byte CIFAR-10 records (truncated or not a CIFAR-10 batch)")
        }
        let n = bytes.count / recordSize
        var pixels = [UInt8](), labels = [Int]()
        pixels.reserveCapacity(n * (recordSize - 1))
        labels.reserveCapacity(n)
        for i in 0..<n {
            let label = Int(bytes[i * recordSize])
            guard label < 10 else { throw ImageDataError.corrupt(file: file, reason: "record \(i) has label \(label); CIFAR-10 labels are 0–9") }
            labels.append(label)
            pixels.append(contentsOf: bytes[(i * recordSize + 1)..<((i + 1) * recordSize)])
        }
        return (pixels, labels)
    }

    /// The batch-file bytes of images ([n, 3, 32, 32] bytes) and their labels.
    public static func encode(pixels: [UInt8], labels: [Int]) -> [UInt8] {
        precondition(pixels.count == labels.count * (recordSize - 1), "CIFAR10.encode: \(pixels.count) pixels for \(labels.count) labels")
        var out = [UInt8]()
        out.reserveCapacity(labels.count * recordSize)
        for (i, label) in labels.enumerated() {
            out.append(UInt8(label))
            out.append(contentsOf: pixels[(i * (recordSize - 1))..<((i + 1) * (recordSize - 1))])
        }
        return out
    }
}
