import Foundation
import Testing

/// The second worked example, rebuilt as its script builds it: `scripts/build-example
/// vardomsorg-2024` drives the built `stickprov` through a care committee's year (plan, adoption,
/// stratified half-yearly draws checked against four criteria, one worksheet per draw, measurements,
/// assessments per area) in a temporary folder. The plan folder it writes must be byte for byte the
/// one in `Plans/`, and the appendices the CLI renders from it must be the golden files, so the
/// script, the example and the snapshots cannot drift apart.
@Suite struct ExampleBuildTests {
    static let name = "vardomsorg-2024"
    static let snapshots = CLI.packageRoot.appendingPathComponent("Tests/StickprovKitTests/Snapshots")

    /// Whether bash and python3, which the script needs, are here.
    static var canBuild: Bool {
        SampleCommandTests.python != nil
            && (FileManager.default.isExecutableFile(atPath: "/bin/bash")
                || FileManager.default.isExecutableFile(atPath: "/usr/bin/bash"))
    }

    /// Runs the build script with the test's binary, writing example `name` under `plans`.
    static func build(_ name: String = name, into plans: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", CLI.packageRoot.appendingPathComponent("scripts/build-example").path, name]
        var environment = ProcessInfo.processInfo.environment
        environment["STICKPROV"] = CLI.binary.path
        environment["EXAMPLE_PLANS"] = plans.path
        process.environment = environment
        let errPipe = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errPipe
        try process.run()
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    @Test func theCareExampleRebuildsByteForByteAndRendersItsGoldenAppendices() throws {
        guard Self.canBuild else {
            print("note: python3 or bash is not installed; the care example is not rebuilt")
            return
        }
        let folder = try TemporaryFolder()
        let built = try Self.build(into: folder.url)
        #expect(built.status == 0, "\(built.stderr)")
        let plan = folder.file(Self.name)
        let checkedIn = CLI.packageRoot.appendingPathComponent("Plans/\(Self.name)")
        for file in ["plan.json", "journal.jsonl", "journal.head"] {
            let rebuilt = try Data(contentsOf: plan.appendingPathComponent(file))
            #expect(
                rebuilt == (try Data(contentsOf: checkedIn.appendingPathComponent(file))),
                "\(file) differs from Plans/\(Self.name): rebuild it with scripts/build-example \(Self.name)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: plan.path).sorted() == [
                "journal.head", "journal.jsonl", "plan.json",
            ])

        for (point, golden) in [("delår", "interim"), ("årsbokslut", "year-end")] {
            for format in ["md", "csv", "html"] {
                let out = folder.file("bilaga-\(golden).\(format)")
                let report = try CLI.run(["report", "--plan", plan.path, "--point", point, "--out", out.path])
                #expect(report.status == 0, "\(report.stderr)")
                let expected = try Data(
                    contentsOf: Self.snapshots.appendingPathComponent("\(Self.name)-\(golden).\(format)"))
                #expect(try Data(contentsOf: out) == expected, "\(point) \(format)")
            }
        }

        // The year end: five areas counted, the second half-year's draw (made in January) in the
        // year's per-criterion, per-group and per-period shares, and the weighted overall rate.
        let yearEnd = try CLI.run(["report", "--plan", plan.path])
        #expect(
            yearEnd.stdout.contains(
                "Vid årsbokslutet visar kontrollen att två av nämndens fem kontrollområden har genomförts"))
        #expect(
            yearEnd.stdout.contains(
                "• Följsamhet till nämndens riktlinjer: 95 procent, vägt efter gruppernas storlek (uppfyllt i 107 av 112 beslut); per grupp: SoL hemtjänst 94 procent (47 av 50), SoL korttidsboende 100 procent (14 av 14), SoL särskilt boende 88 procent (15 av 17), LSS 100 procent (31 av 31); per period: första halvåret 94 procent, andra halvåret 96 procent."
            ))
        // Per decision type over the year, with each half-year's count.
        #expect(
            yearEnd.stdout.contains(
                "• SoL hemtjänst: 50 beslut har granskats (24 under första halvåret och 26 under andra halvåret), varav 43 utan anmärkning (86 procent)."
            ))
        #expect(
            yearEnd.stdout.contains(
                "• SoL särskilt boende: 17 beslut har granskats (9 under första halvåret och 8 under andra halvåret), varav 14 utan anmärkning (82,4 procent); ett beslut kunde inte granskas (ärendet har flyttats till en annan kommun)."
            ))
        #expect(
            yearEnd.stdout.contains(
                "Viktat efter gruppernas storlek är andelen med anmärkning 11 procent (med 95 procents säkerhet högst 17,8 procent)."
            ))
        // status shows the same weighted rate.
        let status = try CLI.run(["status", "--plan", plan.path])
        #expect(
            status.stdout.contains("Remark rate 11 % weighted by stratum size (N 1556), 95 % upper bound 17,8 %"),
            "\(status.stdout)")
    }

    /// The first example too: its script is run as the second's, so it cannot silently stop
    /// reproducing `Plans/socialnamnden-2023` (it had, when dates were bounded to the plan's year).
    @Test func theFirstExampleRebuildsByteForByte() throws {
        guard Self.canBuild else {
            print("note: python3 or bash is not installed; the first example is not rebuilt")
            return
        }
        let folder = try TemporaryFolder()
        let name = "socialnamnden-2023"
        let built = try Self.build(name, into: folder.url)
        #expect(built.status == 0, "\(built.stderr)")
        for file in ["plan.json", "journal.jsonl", "journal.head"] {
            let rebuilt = try Data(contentsOf: folder.file(name).appendingPathComponent(file))
            #expect(
                rebuilt == (try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Plans/\(name)/\(file)"))),
                "\(file) differs from Plans/\(name): rebuild it with scripts/build-example \(name)")
        }
    }
}
