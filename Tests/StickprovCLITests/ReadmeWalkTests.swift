import Foundation
import Testing

/// The README's walk through the year, run as a new user runs it (issue 17). The commands are read
/// from README.md when the test runs, never copied here, so the README and the tool cannot drift apart.
///
/// The rules, kept simple on purpose:
/// - The walk is every ```` ```sh ```` block from `## The year, step by step` to the next `## ` heading.
/// - A line ending in `\` goes on on the next line. Empty lines and lines starting with `#` are not run.
/// - `#   text` (a hash and at least three spaces) right after a command is output the README quotes:
///   each such line, trimmed, must be a line of the command's standard output, trimmed.
/// - `cd ~/internkontroll` enters the walk's folder; `cd DIR` moves relative to the current one.
///   `export` lines are refused in the walk (one shell per line: they would not carry over).
/// - Every other line is run by `/bin/sh -c` as written, in the current folder, with the built
///   `stickprov` first on PATH and HOME a folder inside the test's temporary one (so `~/…` stays
///   there). It must exit 0 with no `error:` on standard error, unless it ends in a comment
///   `# fails: …`: then it must exit with a status other than 0, and no crash.
/// - The folder is prepared as the Install section says: its lines naming `~/internkontroll` (the
///   `mkdir` and `python3 scripts/example-data.py walk ~/internkontroll`) run in the repository's
///   folder. Its other lines (`swift build`, `cp` to `~/.local/bin`, `export PATH`, `swift run`) are
///   not run: the test uses the `stickprov` that `swift test` built.
@Suite struct ReadmeWalkTests {
    /// One command of the README, as the shell gets it.
    struct Step {
        /// The command, continuation lines joined as the README writes them.
        var command: String
        /// The README's line where it starts (1-based).
        var line: Int
        /// Whether the README says it fails (`# fails: …`).
        var fails: Bool
        /// The output lines the README quotes after it, trimmed.
        var output: [String] = []
    }

    static func readme() throws -> [String] {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        return text.components(separatedBy: "\n")
    }

    /// The steps of the ```` ```sh ```` blocks from the heading `section` to the next `## ` heading.
    static func steps(_ lines: [String], section: String) -> [Step] {
        guard let start = lines.firstIndex(of: section) else { return [] }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
        var steps: [Step] = []
        var inBlock = false
        var pending: (text: String, line: Int)?
        var quoting = false
        for index in (start + 1)..<end {
            let line = lines[index]
            if !inBlock {
                inBlock = line == "```sh"
                continue
            }
            if line.hasPrefix("```") {
                inBlock = false
                quoting = false
                continue
            }
            if let started = pending {
                pending = (started.text + "\n" + line, started.line)
            } else if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty {
                if quoting, line.hasPrefix("#   ") {
                    steps[steps.count - 1].output.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
                } else {
                    quoting = false
                }
                continue
            } else {
                pending = (line, index + 1)
            }
            guard let complete = pending, !line.hasSuffix("\\") else { continue }
            pending = nil
            steps.append(Step(command: complete.text, line: complete.line, fails: complete.text.contains("# fails:")))
            quoting = true
        }
        return steps
    }

    static var pythonIsMissing: Bool {
        (try? CLI.run(program: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "--version"]).status) != 0
    }

    @Test func theParserFindsTheWholeWalk() throws {
        let walk = Self.steps(try Self.readme(), section: "## The year, step by step")
        // The walk has dozens of commands; reading none would pass everything below vacuously.
        #expect(walk.count >= 40)
        #expect(walk.first?.command == "cd ~/internkontroll")
        #expect(walk.contains { $0.fails })
        #expect(walk.contains { !$0.output.isEmpty })
        #expect(walk.allSatisfy { !$0.command.hasPrefix("#") && !$0.command.hasSuffix("\\") })
        // Each line runs in a shell of its own: a variable exported on one would not reach the next.
        for step in walk where step.command.hasPrefix("export ") || step.command.contains(" && cd ") {
            Issue.record(
                "README.md:\(step.line): '\(step.command)' would not carry over to the next line; write it out")
        }
        let prepare = Self.steps(try Self.readme(), section: "## Install").filter {
            $0.command.contains("~/internkontroll")
        }
        #expect(prepare.contains { $0.command.contains("scripts/example-data.py walk ~/internkontroll") })
    }

    @Test func theWalkRunsAsWrittenInANewFolder() throws {
        if Self.pythonIsMissing {
            print("note: skipped the README's walk: python3 (for scripts/example-data.py) is not installed")
            return
        }
        let lines = try Self.readme()
        let folder = try TemporaryFolder()
        let home = folder.file("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let path =
            CLI.binary.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let environment = ["PATH": path, "HOME": home.path]
        let shell = URL(fileURLWithPath: "/bin/sh")

        for step in Self.steps(lines, section: "## Install") where step.command.contains("~/internkontroll") {
            let result = try CLI.run(
                program: shell, ["-c", step.command], in: CLI.packageRoot, environment: environment)
            #expect(result.status == 0, "README.md:\(step.line): \(step.command)\n\(result.stderr)")
        }
        let walkFolder = home.appendingPathComponent("internkontroll")
        #expect(FileManager.default.fileExists(atPath: walkFolder.appendingPathComponent("utredningar-feb.csv").path))

        var here = walkFolder
        for step in Self.steps(lines, section: "## The year, step by step") {
            let place = "README.md:\(step.line): \(step.command)"
            if step.command.hasPrefix("cd ") {
                let target = step.command.dropFirst(3).trimmingCharacters(in: .whitespaces)
                here =
                    target.hasPrefix("~/")
                    ? home.appendingPathComponent(String(target.dropFirst(2)))
                    : here.appendingPathComponent(target).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: here.path), "\(place): no such folder")
                continue
            }
            let result = try CLI.run(program: shell, ["-c", step.command], in: here, environment: environment)
            let said = "\(place)\nexit \(result.status)\n\(result.stderr)\(result.stdout.prefix(2000))"
            #expect(!result.wasSignalled && !result.stderr.contains("Fatal error"), "\(said)")
            if step.fails {
                #expect(result.status != 0, "\(place): the README says it fails, but it exited 0")
                continue
            }
            #expect(result.status == 0, "\(said)")
            #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("error:") }, "\(said)")
            let printed = Set(result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for quoted in step.output {
                #expect(
                    printed.contains(quoted), "\(place): the README quotes '\(quoted)', not printed:\n\(result.stdout)")
            }
        }
    }
}

/// `stickprov --help` and every command's help, against each other and the README.
@Suite struct HelpAgainstReadmeTests {
    /// The command names the overview lists (`plan init`, `draw`, …).
    static func commandNames() throws -> [String] {
        let overview = try CLI.run(["--help"])
        let section = overview.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("Commands:") } ?? ""
        return section.split(separator: "\n").dropFirst().map {
            $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
        }
    }

    /// The lines under `heading` in a help text, up to the next empty line.
    static func lines(under heading: String, in help: String) -> [String] {
        let section = help.components(separatedBy: "\n\n").first { $0.hasPrefix(heading + "\n") } ?? ""
        return section.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The words of a shell command line, with quotes removed (enough for the help's examples).
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test func theOverviewHasExamplesTheReadmeShows() throws {
        let overview = try CLI.run(["--help"])
        #expect(overview.status == 0)
        let examples = Self.lines(under: "Examples (README.md walks through a whole year):", in: overview.stdout)
        #expect(examples.count >= 3)
        let readme = try ReadmeWalkTests.readme()
        for example in examples {
            #expect(readme.contains { $0.hasPrefix(example) }, "'\(example)' is not a README line")
        }
    }

    @Test func everyCommandHasHelpWhoseExamplesUseItsOwnOptionsAndTheReadmeShowsIt() throws {
        let names = try Self.commandNames()
        #expect(names.count >= 30)
        let readme = try ReadmeWalkTests.readme().joined(separator: "\n")
        for name in names {
            let help = try CLI.run(name.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0 && help.stderr.isEmpty, "\(name) --help: \(help.stderr)")
            let options = Set(
                Self.lines(under: "Options:", in: help.stdout).compactMap {
                    $0.split(separator: " ").first.map(String.init)
                })
            let examples = Self.lines(under: "Examples:", in: help.stdout)
            #expect(!examples.isEmpty, "\(name) has no example")
            for example in examples {
                let words = Self.words(example)
                #expect(
                    words.starts(with: ["stickprov"] + name.split(separator: " ").map(String.init)),
                    "\(name): '\(example)'")
                for word in words where word.hasPrefix("--") && word != "--" {
                    let option = String(word.split(separator: "=", maxSplits: 1)[0])
                    #expect(
                        options.contains(option), "\(name): '\(example)' uses \(option), which its help does not list")
                }
            }
            #expect(readme.contains("stickprov \(name)"), "the README never shows 'stickprov \(name)'")
        }
    }
}
