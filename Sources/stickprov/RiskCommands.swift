import Arguments
import Foundation
import StickprovKit

/// `plan handle-risk`: what the risk analysis decided for a risk (control points, a goal, elsewhere).
enum RiskCommands {
    static let all: [Command] = [handle, importRisks]

    static let handle = Command(
        spec: CommandSpec(
            path: ["plan", "handle-risk"], abstract: "Record what the risk analysis decided for a risk.",
            discussion: """
                A risk is handled by its control points in this plan (the default when it has any), as a goal
                of the committee (mål för nämnden), or elsewhere. For a goal, --text names the goal; for
                elsewhere, --text says where, written to follow "inom ramen för", e.g. 'förvaltningens
                uppföljning av kritiska verksamhetsfaktorer'. 'report --risk-matrix' shows the matrix and
                what became of each risk. Score a risk with 'plan add-risk'/'plan edit R3 --probability
                --consequence'.
                """,
            arguments: [ArgumentSpec("RISK-ID", help: "The risk, e.g. R3.")],
            options: [
                PlanCommands.planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption,
                AdoptionCommands.forceOption,
                .option("as", "HANDLING", help: "control-points, goal (mål) or elsewhere (annat). Required."),
                .option("text", "TEXT", help: "The goal, or where the risk is handled."),
                .flag("clear", help: "Remove the decision (the risk is then handled by its control points, if any)."),
            ],
            examples: [
                "stickprov plan handle-risk R3 --as elsewhere --text 'förvaltningens uppföljning av kritiska verksamhetsfaktorer'",
                "stickprov plan handle-risk R4 --as goal --text 'En ekonomi i balans'",
            ]),
        run: { arguments, console in
            let id = RiskID(rawValue: arguments.arguments[0])
            let handling: RiskHandling?
            if arguments.has("clear") {
                guard !arguments.isGiven("as") && !arguments.isGiven("text") else {
                    throw UsageError("--clear takes no --as or --text")
                }
                handling = nil
            } else {
                let kind: RiskHandling.Kind = try PlanCommands.token(try arguments.required("as"), option: "as")
                let text = arguments.value("text")
                if kind == .elsewhere && (text ?? "").trimmingASCIIWhitespace().isEmpty {
                    throw UsageError("--as elsewhere needs --text saying where the risk is handled")
                }
                handling = RiskHandling(kind, text: text)
            }
            try PlanCommands.change(arguments, console) { plan in
                guard plan.risk(id) != nil else { throw PlanError.unknownRisk(id, known: plan.riskIDs) }
                try plan.updateRisk(id) { $0.handling = handling }
                guard let handling else { return "Cleared the handling of risk \(id)." }
                return
                    "Risk \(id) is handled \(handling.kind == .controlPoints ? "by its control points" : handling.kind == .goal ? "as a goal of the committee" : "elsewhere")."
            }
        })

    static let importRisks = Command(
        spec: CommandSpec(
            path: ["plan", "import-risks"],
            abstract: "Read the risk analysis (scores and handling) from a sheet into the plan.",
            discussion: """
                Reads an Excel workbook (.xlsx) or a CSV (as Excel saves it) whose header row (one of the first ten) has a column Identifierad
                risk (or Risk, Risker) and optionally Sannolikhet and Konsekvens (1–4), Hantering (kontrollpunkt,
                mål or annat) and Hur (the goal, or where the risk is handled). A risk whose text is already in the
                plan gets the sheet's score and handling; any other is added. Every row is checked first, all are
                applied or none, and every problem is listed as FILE:LINE.
                """,
            arguments: [ArgumentSpec("FILE", help: "The sheet, e.g. riskanalys-2024.xlsx or .csv.")],
            options: [
                PlanCommands.planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption,
                AdoptionCommands.forceOption,
            ],
            examples: ["stickprov plan import-risks riskanalys-2024.csv"]),
        run: { arguments, console in
            let file = arguments.arguments[0]
            let sheet = try readSheet(file)
            try PlanCommands.change(arguments, console) { plan in
                let summary: RiskAnalysisImport.Summary
                do throws(RiskAnalysisImport.Failure) {
                    summary = try RiskAnalysisImport.apply(sheet, to: &plan)
                } catch {
                    throw DataError(
                        lines: error.messages.map { message in
                            message.line.map { "\(file):\($0): \(message.text)" } ?? "\(file): \(message.text)"
                        })
                }
                for notice in summary.notices { console.note("\(file): note: \(notice)") }
                var parts: [String] = []
                if !summary.added.isEmpty {
                    parts.append("added \(summary.added.map(\.rawValue).joined(separator: ", "))")
                }
                if !summary.updated.isEmpty {
                    parts.append("updated \(summary.updated.map(\.rawValue).joined(separator: ", "))")
                }
                return "Risk analysis from \(file): \(parts.isEmpty ? "no risks" : parts.joined(separator: "; "))."
            }
        })
}
