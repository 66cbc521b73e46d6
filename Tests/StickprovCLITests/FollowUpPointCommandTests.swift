import Foundation
import Testing

/// A care committee's year assessed per risk area, with areas and control points followed up at the
/// interim only, the year end only and both: the year-end appendix lists every one of them, the
/// summary counts them all, `status` shows the same signals, and assessments the appendix would not
/// show are refused with the reason.
@Suite struct FollowUpPointCommandTests {
    /// Builds the plan through the CLI: three areas (interim only; year end only; both, with one
    /// control point interim only), assessed per area.
    static func careCommittee() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let steps: [[String]] = [
            [
                "plan", "init", "--plan", "plan", "--committee", "Vård- och omsorgsnämnden", "--year", "2023",
                "--assessment-level", "risk",
            ],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att besluten inte följer riktlinjerna"],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Att besluten följer riktlinjerna",
                "--method", "granskning", "--follow-up", "interim",
            ],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att avgifterna blir fel"],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R2", "--text", "Att avgiften är rätt", "--method",
                "stickprov", "--follow-up", "year-end",
            ],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att brukarna inte får sina insatser"],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R3", "--text", "Att insatsen verkställs",
                "--method", "measurement", "--follow-up", "interim",
            ],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R3", "--text", "Att insatsen följs upp", "--method",
                "measurement", "--follow-up", "both",
            ],
        ]
        for step in steps {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return folder
    }

    static func assess(_ id: String, _ point: String, _ signal: String, result: String = "", in folder: TemporaryFolder)
        throws -> CLI.Result
    {
        try CLI.run(
            [
                "assess", id, "--plan", "plan", "--point", point, "--signal", signal, "--result", result, "--by",
                "ansvarig", "--date", point.hasPrefix("del") ? "2023-09-15" : "2023-12-20",
            ], in: folder.url)
    }

    @Test func theYearEndListsEveryAreaAndCountsThemAll() throws {
        let folder = try Self.careCommittee()
        let nothing = try CLI.run(["report", "--plan", "plan", "--summary"], in: folder.url)
        #expect(
            nothing.stdout == "Vid årsbokslutet har inget av nämndens tre kontrollområden bedömts ännu.\n",
            "\(nothing.stderr)")

        for (id, point, signal) in [("R1", "delår", "green"), ("R3", "delår", "yellow"), ("R2", "årsbokslut", "green")]
        {
            let result = try Self.assess(id, point, signal, result: "Bedömning \(id).", in: folder)
            #expect(result.status == 0, "\(id): \(result.stderr)")
        }
        let report = try CLI.run(["report", "--plan", "plan"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        // R1 is concluded at the interim and still listed, with its interim signal and text.
        #expect(report.stdout.contains("Att besluten följer riktlinjerna"))
        #expect(report.stdout.contains("Kontrollområdet slutredovisades vid delårsbokslutet.<br><br>Bedömning R1."))
        #expect(
            report.stdout.contains(
                "Vid årsbokslutet visar kontrollen att två av nämndens tre kontrollområden har genomförts utan anmärkning eller med försumbar anmärkning. Kontrollområde 3 (Att brukarna inte får sina insatser) har ännu inte bedömts."
            ))
        // R3's interim-only control point says it was concluded then; its area is assessed at the year end.
        #expect(
            report.stdout.contains(
                "| Att insatsen verkställs | Delårsbokslut | Kontroll av antal | Ej bedömd | Kontrollpunkten slutredovisades vid delårsbokslutet. |"
            ))

        let assessed = try Self.assess("R3", "årsbokslut", "red", in: folder)
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let summary = try CLI.run(["report", "--plan", "plan", "--summary"], in: folder.url)
        #expect(
            summary.stdout
                == "Vid årsbokslutet visar kontrollen att två av nämndens tre kontrollområden har genomförts utan anmärkning eller med försumbar anmärkning.\n"
        )

        // status shows the signals the report shows.
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(
            status.stdout.contains("delårsbokslut: Grön · årsbokslut: Grön (concluded at the interim) (area 1)"),
            "\(status.stdout)")
        #expect(status.stdout.contains("årsbokslut: Grön (area 2)"))
        #expect(!status.stdout.contains("delårsbokslut: Grön · årsbokslut: Grön (area 2)"))
        #expect(status.stdout.contains("delårsbokslut: Gul · årsbokslut: Röd (area 3)"))
    }

    @Test func anAssessmentTheReportWouldNotShowIsRefusedWithItsReason() throws {
        let folder = try Self.careCommittee()
        let before = try? Data(contentsOf: folder.file("plan/journal.jsonl"))
        let refused: [(String, String, String)] = [
            (
                "R1", "årsbokslut",
                "error: risk area R1 is followed up only at the interim (delårsbokslut); the year-end report shows its interim assessment as concluded then\n"
            ),
            (
                "R2", "delår",
                "error: risk area R2 is followed up only at the year end (årsbokslut); the interim report does not list it\n"
            ),
            (
                "K1", "delår",
                "error: the plan assesses each risk area, not control points; assess the area that holds K1, or set 'plan edit --assessment-level control-point'\n"
            ),
        ]
        for (id, point, message) in refused {
            let result = try Self.assess(id, point, "green", in: folder)
            #expect(result.status == 1, "\(id) \(point)")
            #expect(result.stderr == message)
            #expect(result.stdout.isEmpty)
        }
        #expect((try? Data(contentsOf: folder.file("plan/journal.jsonl"))) == before, "nothing recorded")

        let perPoint = try CLI.run(
            ["plan", "edit", "--plan", "plan", "--assessment-level", "control-point"], in: folder.url)
        #expect(perPoint.status == 0, "\(perPoint.stderr)")
        let area = try Self.assess("R3", "årsbokslut", "green", in: folder)
        #expect(area.status == 1)
        #expect(
            area.stderr
                == "error: the plan assesses each control point, not risk areas; assess the control points of R3, or set 'plan edit --assessment-level risk'\n"
        )
        let point = try Self.assess("K3", "årsbokslut", "green", in: folder)
        #expect(
            point.stderr
                == "error: control point K3 is followed up only at the interim (delårsbokslut); the year-end report shows its interim assessment as concluded then\n"
        )
        #expect(try Self.assess("K3", "delår", "gul", in: folder).status == 0)
        let report = try CLI.run(["report", "--plan", "plan", "--table-only"], in: folder.url)
        #expect(
            report.stdout.contains(
                "| Att insatsen verkställs | Delårsbokslut | Kontroll av antal | ▲ Gul | Kontrollpunkten slutredovisades vid delårsbokslutet. |"
            ), "\(report.stdout)")
    }
}
