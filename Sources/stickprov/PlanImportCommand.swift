import Arguments
import StickprovKit

extension PlanCommands {
    static let importPlan = Command(
        spec: CommandSpec(
            path: ["plan", "import"], abstract: "Create a plan from a spreadsheet (CSV) of the appendix's columns.",
            arguments: [ArgumentSpec("FILE", help: "The CSV file.")],
            options: [planOption],
            examples: []),
        run: { _, _ in throw UsageError("plan import is not available yet") })
}
