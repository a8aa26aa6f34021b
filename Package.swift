// swift-tools-version:6.0
import PackageDescription

// Module graph (dependencies point down only):
//   toy, toy-bench -> Runs -> Samplers -> Diffusion -> NN -> Engine -> CBLAS
//                      \-> Datasets -> Stats -> CGSL
// GSL is linked by name (never pkg-config, which would add GSL's slow reference BLAS);
// matrix products go through BLIS (see Sources/CBLAS).
let package = Package(
    name: "toy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "toy", targets: ["toy"]),
        .executable(name: "toy-bench", targets: ["toy-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(name: "CGSL", providers: [.apt(["libgsl-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libblis-pthread-dev"])]),
        .target(name: "Stats", dependencies: ["CGSL"], exclude: ["README.md"]),
        .target(name: "Engine", dependencies: ["CBLAS"], exclude: ["README.md"]),
        .target(name: "NN", dependencies: ["Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Diffusion", dependencies: ["Engine", "NN", "Stats"], exclude: ["README.md"]),
        .target(name: "Samplers", dependencies: ["Diffusion", "Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Datasets", dependencies: ["Stats"], exclude: ["README.md"]),
        .target(name: "Plotting", exclude: ["README.md"]),
        .target(name: "Runs", dependencies: ["Datasets", "Diffusion", "Samplers", "NN", "Engine", "Stats", "Plotting"], exclude: ["README.md"]),
        .executableTarget(
            name: "toy",
            dependencies: ["Runs", "Datasets", "Diffusion", "Samplers", "Stats", "NN", "Engine", "Plotting",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "toy-bench",
            dependencies: ["Runs", "NN", "Engine", "Diffusion", "Stats", "Datasets",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "CGSL"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Stats"]),
        .testTarget(name: "NNTests", dependencies: ["NN", "Engine", "Stats"]),
        .testTarget(name: "DiffusionTests", dependencies: ["Diffusion", "Samplers", "Engine", "NN", "Stats"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Stats"], exclude: ["Golden"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "Datasets", "Diffusion", "Samplers", "NN", "Engine", "Stats"]),
    ]
)
