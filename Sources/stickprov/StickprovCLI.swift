import Arguments
import Foundation
import StickprovKit

/// Dispatches a command line to its command and turns errors into messages and exit codes.
enum StickprovCLI {
    static let commands: [Command] =
        PlanCommands.all + PlanSignalCommands.all + RiskCommands.all + AdoptionCommands.all + [
            SampleCommand.command, SizeCommand.command, DrawCommand.command,
        ] + LogCheckCommands.all + RecordCommands.all
        + ProviderCommands.all + [
            StatusCommand.command, ReportCommand.command, RollupCommand.command, VerifyCommand.verify,
            VerifyCommand.repair, ScanCommand.command,
        ]

    static func run(_ words: [String]) -> Int32 {
        let console = Console()
        if words.isEmpty || words == ["help"] || words == ["--help"] || words == ["-h"] {
            console.out(overview)
            return words.isEmpty ? 2 : 0
        }
        if words == ["--version"] {
            console.line("stickprov \(Stickprov.version)")
            return 0
        }
        var path = words
        if path.first == "help" {
            path.removeFirst()
            path.append("--help")
        }
        guard let (command, rest) = match(path) else {
            // A group is the words before a command's last (`plan`, `plan signal`, `logcheck`).
            let helpAsked = path.count >= 2 && ["--help", "-h"].contains(path[path.count - 1])
            let words = helpAsked ? Array(path.dropLast()) : path
            func members(_ prefix: [String]) -> [Command] {
                commands.filter { $0.spec.path.count > prefix.count && $0.spec.path.starts(with: prefix) }
            }
            let prefix =
                (1...max(words.count, 1)).reversed().map { Array(words.prefix($0)) }
                .first { !members($0).isEmpty } ?? Array(words.prefix(1))
            let group = members(prefix)
            let name = prefix.joined(separator: " ")
            if !group.isEmpty, helpAsked, prefix == words {
                // `stickprov plan --help`: the group's commands, each with its abstract.
                let width = (group.map(\.spec.name.count).max() ?? 0) + 2
                var text =
                    "Usage: stickprov \(name) COMMAND [options]     (stickprov \(name) COMMAND --help for each)\n\nCommands:\n"
                for command in group {
                    let name = command.spec.name
                    text +=
                        "  " + name + String(repeating: " ", count: width - name.count) + command.spec.abstract + "\n"
                }
                console.out(text)
                return 0
            }
            if !group.isEmpty {
                let given =
                    words.count > prefix.count
                    ? "unknown command '\(name) \(words[prefix.count])'" : "'\(name)' needs a command"
                console.note("error: \(given)")
                console.note("Commands: " + group.map(\.spec.name).joined(separator: ", "))
            } else {
                console.note("error: unknown command '\(path.first ?? "")'; see 'stickprov --help'")
            }
            return 2
        }
        do {
            let parsed = try ArgumentParser.parse(rest, as: command.spec)
            if parsed.isHelpRequested {
                console.out(HelpText.render(command.spec))
                return 0
            }
            // A SOURCE_DATE_EPOCH or TZ that cannot be used is refused before any command runs.
            _ = try Now.clock()
            try command.run(parsed, console)
            return console.outputFailureStatus() ?? 0
        } catch let error as UsageError {
            console.note("error: \(error.message)")
            console.note("Usage: \(HelpText.usage(command.spec))")
            console.note("See 'stickprov \(command.spec.name) --help'.")
            return 2
        } catch {
            for message in ErrorMessages.lines(for: error) { console.note(message) }
            if Console.recorded { console.note("What was recorded before this error stays in the journal.") }
            return 1
        }
    }

    /// The longest command path that matches the start of `words`.
    private static func match(_ words: [String]) -> (Command, [String])? {
        let sorted = commands.sorted { $0.spec.path.count > $1.spec.path.count }
        for command in sorted where words.starts(with: command.spec.path) {
            return (command, Array(words.dropFirst(command.spec.path.count)))
        }
        return nil
    }

    static var overview: String {
        var text = """
            stickprov — internal control (internkontroll) for a Swedish committee: the year's plan,
            reproducible samples, the record of results, and Bilaga 1 for the report.

            Usage: stickprov COMMAND [options]     (stickprov COMMAND --help for each)

            Commands:

            """
        let width = (commands.map(\.spec.name.count).max() ?? 0) + 2
        for command in commands {
            let name = command.spec.name
            text += "  " + name + String(repeating: " ", count: width - name.count) + command.spec.abstract + "\n"
        }
        text += """

            Examples (README.md walks through a whole year):
              stickprov plan init --plan Plans/socialnamnden-2023 --committee Socialnämnden --year 2023
              stickprov draw K3 --population utredningar-feb.csv --seed 'Socialnämnden 2023-02-15'
              stickprov record --worksheet urval-K3-1.xlsx
              stickprov report --point årsbokslut --format html --out bilaga1-2023.html

            The plan folder is --plan DIR, else the current folder, else the only plan under ./Plans.
            Exit status: 0 done, 1 a problem in the data or files, 2 wrong usage.

            """
        return text
    }
}
