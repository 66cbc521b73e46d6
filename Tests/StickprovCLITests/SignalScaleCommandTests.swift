import Foundation
import Testing

@Suite struct SignalScaleCommandTests {
    @discardableResult
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> CLI.Result {
        let result = try CLI.run(arguments + ["--plan", "plan"], in: folder.url)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// A committee's four words, assessed in Swedish, reworded afterwards: every assessment still shows
    /// and the summary counts the two levels marked as without remark.
    @Test func aFourLevelScaleInTheCommitteesWordsSurvivesRewording() throws {
        let folder = try TemporaryFolder()
        try Self.run(["plan", "init", "--committee", "Vård- och omsorgsnämnden", "--year", "2023"], in: folder)
        let added = try Self.run(
            [
                "plan", "signal", "add", "--name", "Utan anmärkning", "--label",
                "Kontrollen är genomförd utan anmärkning",
                "--without-remark", "yes",
            ], in: folder)
        // Every change states the scale as the documents will draw it, and what the summary counts.
        #expect(
            added.stdout == """
                Added signal utan-anmarkning (Utan anmärkning).
                The scale, best first, as every document draws it:
                  1. ● Grön (green), colour #1b5e20
                  2. ▲ Gul (yellow), colour #f9a825
                  3. ◆ Röd (red), colour #e53935
                  4. ■ Utan anmärkning (utan-anmarkning), red, counted as without remark in the summary

                """)
        try Self.run(
            [
                "plan", "signal", "add", "--name", "Försumbar anmärkning", "--label",
                "Kontrollen är genomförd med försumbar anmärkning", "--without-remark", "ja",
            ], in: folder)
        try Self.run(
            ["plan", "signal", "add", "--name", "Med anmärkning", "--label", "Kontrollen är genomförd med anmärkning"],
            in: folder)
        try Self.run(
            ["plan", "signal", "add", "--name", "Ej genomförd", "--label", "Kontrollen är inte genomförd"], in: folder)
        var removed = ""
        for standard in ["green", "gul", "Röd"] {
            removed = try Self.run(["plan", "signal", "remove", standard], in: folder).stdout
        }
        // Once the standard three are gone, the best level is the green circle and the worst the red square.
        #expect(
            removed == """
                Removed signal red.
                The scale, best first, as every document draws it:
                  1. ● Utan anmärkning (utan-anmarkning), dark green, counted as without remark in the summary
                  2. ▲ Försumbar anmärkning (forsumbar-anmarkning), light green, counted as without remark in the summary
                  3. ◆ Med anmärkning (med-anmarkning), amber
                  4. ■ Ej genomförd (ej-genomford), red

                """)
        try Self.run(["plan", "add-risk", "--text", "Brister i dokumentationen"], in: folder)
        for text in ["Genomförandeplaner", "Avvikelser", "Läkemedel", "Fallrisk"] {
            try Self.run(["plan", "add-control", "--risk", "R1", "--text", text], in: folder)
        }
        let words = ["K1": "utan anmärkning", "K2": "försumbar", "K3": "Med anmärkning", "K4": "ej genomförd"]
        for (control, signal) in words.sorted(by: { $0.key < $1.key }) {
            try Self.run(
                [
                    "assess", control, "--point", "årsbokslut", "--signal", signal, "--result", "Resultat.", "--date",
                    "2023-12-20",
                ], in: folder)
        }
        let wrong = try CLI.run(
            ["assess", "K1", "--point", "årsbokslut", "--signal", "grön", "--plan", "plan"], in: folder.url)
        #expect(wrong.status == 1)
        #expect(
            wrong.stderr
                == "error: 'grön' is not a signal of the plan (utan-anmarkning (Utan anmärkning), forsumbar-anmarkning (Försumbar anmärkning), med-anmarkning (Med anmärkning), ej-genomford (Ej genomförd))\n"
        )

        try Self.run(
            [
                "plan", "signal", "edit", "utan anmärkning", "--name", "Helt utan anmärkning", "--label",
                "Kontrollen är genomförd helt utan anmärkning",
            ], in: folder)
        try Self.run(["plan", "signal", "edit", "forsumbar-anmarkning", "--name", "Mindre anmärkning"], in: folder)

        let summary = try Self.run(["report", "--point", "årsbokslut", "--summary"], in: folder)
        #expect(
            summary.stdout.contains(
                "Vid årsbokslutet visar kontrollen att två av totalt fyra kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning."
            ), "\(summary.stdout)")
        let csv = try Self.run(["report", "--point", "årsbokslut", "--format", "csv"], in: folder)
        for name in ["Helt utan anmärkning", "Mindre anmärkning", "Med anmärkning", "Ej genomförd"] {
            #expect(csv.stdout.contains(" \(name);Resultat."), "\(name) in \(csv.stdout)")
        }
        #expect(!csv.stdout.contains("Ej bedömd"))
        let status = try Self.run(["status"], in: folder)
        #expect(
            status.stdout.contains(
                "1.2 K2  Avvikelser\n    Nothing recorded yet.\n    delårsbokslut: not assessed · årsbokslut: Mindre anmärkning\n"
            ), "\(status.stdout)")

        let inUse = try CLI.run(["plan", "signal", "remove", "med anmärkning", "--plan", "plan"], in: folder.url)
        #expect(inUse.status == 1)
        #expect(
            inUse.stderr
                == "error: the change would take the assessment of control point K3 at årsbokslut (2023-12-20, Med anmärkning; journal line 3) out of every report: its signal 'med-anmarkning' would no longer be in the plan's scale\n"
                + "error: nothing was changed; make the change with --force to record in the journal that this assessment no longer holds (the appendix says so in its place)\n"
        )
    }

    @Test func theStandardScaleTakesSwedishColourWords() throws {
        let folder = try TemporaryFolder()
        try Self.run(["plan", "init", "--committee", "Socialnämnden", "--year", "2023"], in: folder)
        try Self.run(["plan", "add-risk", "--text", "Risk"], in: folder)
        try Self.run(["plan", "add-control", "--risk", "R1", "--text", "Kontroll", "--method", "enkät"], in: folder)
        let assessed = try Self.run(
            ["assess", "K1", "--point", "delår", "--signal", "gul", "--date", "2023-09-15"], in: folder)
        #expect(assessed.stdout == "Assessed K1 at delårsbokslut: yellow (2023-09-15).\n")
    }

    @Test func validateNamesAnAssessmentWhoseLevelAHandEditRemoved() throws {
        let folder = try TemporaryFolder()
        try Self.run(["plan", "init", "--committee", "Socialnämnden", "--year", "2023"], in: folder)
        try Self.run(["plan", "add-risk", "--text", "Risk"], in: folder)
        try Self.run(["plan", "add-control", "--risk", "R1", "--text", "Kontroll"], in: folder)
        try Self.run(["assess", "K1", "--point", "årsbokslut", "--signal", "grön", "--date", "2023-12-20"], in: folder)
        try Self.run(["plan", "validate"], in: folder)
        let path = folder.file("plan/plan.json")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(
            of: "\"id\" : \"green\"", with: "\"id\" : \"utan-anmarkning\"")
        try Data(text.utf8).write(to: path)
        let result = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "plan/plan.json: signals: the journal assesses control point K1 at årsbokslut as 'green', which is not in the plan's signals any more; give the level that id back (its label may change)\n"
        )
        // Adding a level named as another level is refused: --signal would not know which is meant.
        let twice = try CLI.run(
            ["plan", "signal", "add", "--plan", "plan", "--name", "Gul", "--label", "Annat"], in: folder.url)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("signals[3].name: 'Gul' is also the name of signals[1]"), "\(twice.stderr)")
    }
}
