import Arguments
import StickprovKit

/// `stickprov status`: where the year stands.
enum StatusCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["status"], abstract: "Show where the year stands: draws, results, measurements, assessments.",
            options: [PlanCommands.planOption],
            examples: ["stickprov status", "stickprov status --plan Plans/socialnamnden-2023"]),
        run: { arguments, console in
            let directory = PlanCommands.folder(arguments)
            let plan = try PlanFile.load(from: directory)
            let journal = Journal(planDirectory: directory)
            let events = try readJournal(journal)
            try requireNames(events, in: plan, journal: journal)
            let state = YearState(events: events)
            console.out(StatusListing.render(plan, state))
        })
}
