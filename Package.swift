// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Stickprov",
    products: [
        .library(name: "StickprovKit", targets: ["StickprovKit"]),
        .executable(name: "stickprov", targets: ["stickprov"]),
    ],
    targets: [
        /// Every decision: plan model, sampling, CSV, journal, reports.
        /// Optimised in debug builds too: hashing and CSV scanning are hundreds of times
        /// slower unoptimised, which would make the test run (journals, large files) crawl.
        /// SHA-256 with the CPU's SHA extensions (x86-64 SHA-NI), detected at run time; the Swift
        /// code in StickprovKit/Hashing is the fallback. Optimised in debug builds like the library.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        /// memmem for finding a draw's lines in a long journal without decoding the rest.
        .target(name: "CBytes"),
        .target(
            name: "StickprovKit",
            dependencies: ["CSHA256", "CBytes"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        /// Small hand-written command-line argument parser, unit tested on its own.
        .target(name: "Arguments"),
        /// The CLI: parses arguments, calls StickprovKit, prints, maps errors to exit codes.
        .executableTarget(name: "stickprov", dependencies: ["StickprovKit", "Arguments"]),
        /// Benchmarks that print figures (release builds only give meaningful numbers).
        .executableTarget(name: "stickprov-bench", dependencies: ["StickprovKit"]),
        .testTarget(
            name: "StickprovKitTests",
            dependencies: ["StickprovKit"],
            exclude: ["Resources", "Snapshots"]
        ),
        .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
        .testTarget(
            name: "StickprovCLITests",
            dependencies: ["stickprov"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
