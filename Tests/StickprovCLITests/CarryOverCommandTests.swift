import Foundation
import Testing

@Suite struct CarryOverCommandTests {
    @Test func initFromTheExampleGivesA2024PlanWithItsTwoYellowControlPoints() throws {
        let folder = try TemporaryFolder()
        let example = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        let result = try CLI.run(["plan", "init", "--plan", "socialnamnden-2024", "--from", example], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Created socialnamnden-2024/plan.json: Socialnämnden, Internkontrollplan 2024.
                Carried 2 of 4 control points from socialnamnden-2023 (the control points not green at the year end):
                  K2  2023 year end: Gul
                  K3  2023 year end: Gul

                """)
        let show = try CLI.run(["plan", "validate", "--plan", "socialnamnden-2024"], in: folder.url)
        #expect(show.status == 0, "\(show.stderr)")
        let listing = try CLI.run(["plan", "show", "--plan", "socialnamnden-2024", "--width", "200"], in: folder.url)
        #expect(
            listing.stdout.contains(
                "Följs upp sedan 2023 · 2023: Gul · Åtgärder 2023: För att komma till rätta med bristerna genomfördes en handläggarskola under hösten"
            ))
        let example2023 = try CLI.run(["plan", "show", "--plan", example, "--width", "200"], in: folder.url)
        #expect(example2023.stdout.contains("Antagen 2022-12-14, § 123 · ändrad en gång, senast 2023-06-14"))
        #expect(example2023.stdout.contains("Hanteras som mål för nämnden: En ekonomi i balans"))
        let report = try CLI.run(["report", "--plan", "socialnamnden-2024"], in: folder.url)
        #expect(report.stdout.hasPrefix("# Bilaga 1. Uppföljning av internkontroll vid årsbokslut 2024\n"))
        #expect(report.stdout.components(separatedBy: "Kontrollpunkten följs upp sedan 2023.").count == 3)

        let all = try CLI.run(
            [
                "plan", "init", "--plan", "alla", "--from", example, "--carry", "alla", "--title",
                "Internkontrollplan 2024 (utkast)",
            ], in: folder.url)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("Carried 4 of 4 control points"))
        let again = try CLI.run(["plan", "init", "--plan", "alla", "--from", example], in: folder.url)
        #expect(again.status == 1)
        let wrong = try CLI.run(
            ["plan", "init", "--plan", "x", "--committee", "S", "--year", "2024", "--carry", "all"], in: folder.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("error: --carry needs --from\n"))
    }
}
