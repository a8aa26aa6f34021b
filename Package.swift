// swift-tools-version:6.0
import PackageDescription

// Module graph (dependencies point down only; Stats -> CGSL sits under every numeric module):
//   toy, toy-bench -> Runs -> Models -> Training -> Diffusion -> Engine -> CBLAS, CDNNL
//                      |         \----------> NN (layers, safetensors) -> Engine
//                      +-> Samplers -> Diffusion
//                      +-> Datasets, Plotting (Foundation only), ImageData (IDX/CIFAR-10 readers) -> CZlib
// Training is the shape-generic core (Denoiser protocol, training loop, checkpoints); Models holds
// the networks that conform to it; Samplers take tensors of any shape; Runs is the 2-D application.
// GSL is linked by name (never pkg-config, which would add GSL's slow reference BLAS);
// matrix products go through BLIS (see Sources/CBLAS), convolutions through oneDNN (Sources/CDNNL).
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
        .systemLibrary(name: "CDNNL", providers: [.apt(["libdnnl-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Stats", dependencies: ["CGSL"], exclude: ["README.md"]),
        // Engine's elementwise kernels (SiLU, GroupNorm, adds) run 256-bit vectors with AVX2, which every
        // machine of this kind has (bin/setup checks): the W3 U-Net step is 7% faster than on the
        // SSE2 baseline. (A root package may use unsafe flags.)
        .target(
            name: "Engine", dependencies: ["CBLAS", "CDNNL"], exclude: ["README.md"],
            swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release))]),
        .target(name: "NN", dependencies: ["Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Diffusion", dependencies: ["Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Samplers", dependencies: ["Diffusion", "Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Training", dependencies: ["Diffusion", "NN", "Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Models", dependencies: ["Training", "NN", "Engine", "Stats"], exclude: ["README.md"]),
        .target(name: "Datasets", dependencies: ["Stats"], exclude: ["README.md"]),
        .target(name: "Plotting", exclude: ["README.md"]),
        .target(name: "ImageData", dependencies: ["CZlib"], exclude: ["README.md"]),
        .target(
            name: "Runs", dependencies: ["Datasets", "ImageData", "Diffusion", "Samplers", "Training", "Models", "NN", "Engine", "Stats", "Plotting"],
            exclude: ["README.md"]),
        .executableTarget(
            name: "toy",
            dependencies: ["Runs", "Datasets", "ImageData", "Diffusion", "Samplers", "Training", "Models", "Stats", "NN", "Engine", "Plotting",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "toy-bench",
            dependencies: ["Runs", "ImageData", "Plotting", "Training", "Models", "Samplers", "NN", "Engine", "Diffusion", "Stats",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "CGSL"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Stats"]),
        .testTarget(name: "NNTests", dependencies: ["NN", "Engine", "Stats"]),
        .testTarget(name: "DiffusionTests", dependencies: ["Diffusion", "Samplers", "Datasets", "Engine", "Stats"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Diffusion", "NN", "Engine", "Stats"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Training", "NN", "Engine", "Stats"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Stats"], exclude: ["Golden"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "ImageDataTests", dependencies: ["ImageData", "CZlib"]),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "ImageData", "Datasets", "Diffusion", "Samplers", "Training", "Models", "NN", "Engine", "Stats"]),
    ]
)
