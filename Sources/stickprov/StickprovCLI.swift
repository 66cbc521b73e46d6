import Arguments
import Foundation
import StickprovKit

/// Dispatches a command line to its command and turns errors into messages and exit codes.
enum StickprovCLI {
    static let commands: [Command] =
        PlanCommands.all + PlanSignalCommands.all + RiskCommands.all + AdoptionCommands.all + [SampleCommand.command, SizeCommand.command, DrawCommand.command] + LogCheckCommands.all + RecordCommands.all
        + ProviderCommands.all + [StatusCommand.command, ReportCommand.command, RollupCommand.command, VerifyCommand.verify, VerifyCommand.repair, ScanCommand.command]

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
        if path.first == "help" { path.removeFirst(); path.append("--help") }
        guard let (command, rest) = match(path) else {
            let group = commands.filter { $0.spec.path.first == path.first }
            if !group.isEmpty, path.count == 2, ["--help", "-h"].contains(path[1]) {
                // `stickprov plan --help`: the group's commands, each with its abstract.
                let width = (group.map(\.spec.name.count).max() ?? 0) + 2
                var text = "Usage: stickprov \(path[0]) COMMAND [options]     (stickprov \(path[0]) COMMAND --help for each)\n\nCommands:\n"
                for command in group {
                    let name = command.spec.name
                    text += "  " + name + String(repeating: " ", count: width - name.count) + command.spec.abstract + "\n"
                }
                console.out(text)
                return 0
            }
            if !group.isEmpty {
                let given = words.count > 1 ? "unknown command '\(words[0]) \(words[1])'" : "'\(words[0])' needs a command"
                console.note("error: \(given)")
                console.note("Commands: " + group.map(\.spec.name).joined(separator: ", "))
            } else {
                console.note("error: unknown command '\(words[0])'; see 'stickprov --help'")
            }
            return 2
        }
        do {
            let parsed = try ArgumentParser.parse(rest, as: command.spec)
            if parsed.isHelpRequested {
                console.out(HelpText.render(command.spec))
                return 0
            }
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

            The plan folder is --plan DIR, else the current folder, else the only plan under ./Plans.
            Exit status: 0 done, 1 a problem in the data or files, 2 wrong usage.

            """
        return text
    }
}
