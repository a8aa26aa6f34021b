/// n evenly spaced values from a to b, endpoint included unless `endpoint` is false (numpy's linspace).
public func linspace(_ a: Double, _ b: Double, _ n: Int, endpoint: Bool = true) -> [Double] {
    guard n > 0 else { return [] }
    let div = Double(endpoint ? max(n - 1, 1) : n)
    return (0..<n).map { a + (b - a) * Double($0) / div }
}
