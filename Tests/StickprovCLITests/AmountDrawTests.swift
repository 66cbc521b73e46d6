import Foundation
import Testing

/// The salary check end to end: planned by amount, drawn, reviewed with two misstatements,
/// reported with the projected misstatement and its upper limit (SPEC.md §14), re-performed.
@Suite struct AmountDrawTests {
    /// 3,000 salary payments: most 18–45 thousand kronor, six of 100,000 or more, three credits.
    static func payroll() -> String {
        var csv = "Verifikation;Anställningsnummer;Belopp\n"
        var state: UInt64 = 42
        for i in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let r = state >> 33
            var ore = 1_800_000 + Int(r % 2_700_000)
            if i % 500 == 7 { ore = 10_000_000 + Int(r % 9_000_000) }
            if i % 1000 == 3 { ore = -(ore / 10) }
            let kronor = abs(ore) / 100
            let cents = abs(ore) % 100
            let text =
                (ore < 0 ? "-" : "")
                + (kronor >= 1000 ? "\(kronor / 1000) \(String(kronor % 1000 + 1000).dropFirst())" : "\(kronor)")
                + ",\(cents < 10 ? "0" : "")\(cents)"
            csv += "L-2023-\(10_000 + i);A\(i % 800);\(text)\n"
        }
        return csv
    }

    static func amountOre(_ text: String) -> Double {
        Double(text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")).map {
            ($0 * 100).rounded()
        } ?? .nan
    }

    @Test func anAmountRuleTakesNoPercentageInThePlanAndNoSparesInADraw() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("loner.csv", Self.payroll())
        for step in [
            ["plan", "init", "--plan", "plan", "--committee", "Socialnämnden", "--year", "2023"],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att felaktiga löner betalas ut"],
        ] {
            #expect(try CLI.run(step, in: folder.url).status == 0)
        }
        let message =
            "risks[0].controls[0].sampleRule: draws by amount (column 'Belopp'), which takes a count, not a percentage, strata or log-check users; give it a count (--count 60)"
        let percent = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Löner", "--method", "sample",
                "--percent", "5", "--key-column", "Verifikation", "--amount-column", "Belopp",
            ], in: folder.url)
        #expect(percent.status == 1)
        #expect(percent.stderr.contains(message), "\(percent.stderr)")
        let refusedPlan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        #expect(!refusedPlan.contains("Belopp"))
        let added = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Löner", "--method", "sample",
                "--count", "20", "--key-column", "Verifikation", "--amount-column", "Belopp",
            ], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        let edit = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--stratum-rule", "A=5%", "--stratum-column", "Enhet"],
            in: folder.url)
        #expect(edit.status == 1)
        #expect(edit.stderr.contains(message), "\(edit.stderr)")
        // A plan.json edited by hand is refused when it is read, and by 'plan validate'.
        let path = folder.file("plan/plan.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"count\" : 20", with: "\"percent\" : \"5\"").write(
            toFile: path, atomically: true, encoding: .utf8)
        let validate = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains(message) || validate.stdout.contains(message), "\(validate.stderr)")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let spares = try CLI.run(
            [
                "draw", "K1", "--plan", "plan", "--population", "loner.csv", "--seed", "s", "--date", "2023-03-15",
                "--spares", "3",
            ],
            in: folder.url)
        #expect(spares.status == 2)
        #expect(
            spares.stderr.hasPrefix(
                "error: --spares: a draw by amount (sha256-pps-v1) has no spares; record an item that cannot be reviewed with 'stickprov record K1-N KEY --not-reviewed REASON'\n"
            ))
        let journal = (try? String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)) ?? ""
        #expect(!journal.contains("\"draw\""))
    }

    @Test func salaryCheckIsDrawnRecordedAndReported() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("loner.csv", Self.payroll())
        for step in [
            ["plan", "init", "--plan", "plan", "--committee", "Socialnämnden", "--year", "2023"],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att felaktiga löner betalas ut"],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text",
                "Kontrollera att korrekta löner utbetalas",
                "--method", "sample", "--cadence", "2023-03-15,2023-09-15", "--count", "60", "--key-column",
                "Verifikation",
                "--amount-column", "Belopp", "--certain-from", "100 000", "--item-noun", "en utbetalning/utbetalningar",
            ],
        ] {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let plan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        #expect(plan.contains("\"amountColumn\" : \"Belopp\""))
        #expect(plan.contains("\"certainFrom\" : \"100 000,00\""))
        let show = try CLI.run(["plan", "show", "--plan", "plan"], in: folder.url)
        #expect(
            show.stdout.contains("Urval: 60 st · nyckel: Verifikation · efter belopp: Belopp, säkert från 100 000 kr"),
            "\(show.stdout)")
        let refused = try CLI.run(["plan", "edit", "K1", "--plan", "plan", "--clear", "sample-rule"], in: folder.url)
        #expect(refused.status == 0)
        let withoutColumn = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--count", "60", "--certain-from", "100 000"], in: folder.url)
        #expect(withoutColumn.status == 2)
        #expect(
            withoutColumn.stderr.hasPrefix(
                "error: --certain-from needs --amount-column COLUMN (the rule must draw by amount)\n"))
        let again = try CLI.run(
            [
                "plan", "edit", "K1", "--plan", "plan", "--count", "60", "--key-column", "Verifikation",
                "--amount-column", "Belopp", "--certain-from", "100 000",
            ], in: folder.url)
        #expect(again.status == 0, "\(again.stderr)")

        let seed = "Lönekontroll 2023-1"
        let draw = try CLI.run(
            [
                "draw", "K1", "--plan", "plan", "--population", "loner.csv", "--seed", seed, "--date", "2023-03-15",
                "--out", "urval-K1-1.csv",
            ],
            in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(draw.stdout.contains("Certain: 6 items of 100 000,00 kr or more"))
        #expect(draw.stdout.contains("in priority order (sha256-pps-v1)"))
        #expect(draw.stdout.contains("Note: 3 items with an amount of 0 or less"))

        // The draw summary's re-perform line gives the same keys as the worksheet, in the same order.
        let sheetText = String(
            decoding: try Data(contentsOf: folder.file("urval-K1-1.csv")).dropFirst(3), as: UTF8.self)
        var rows = sheetText.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            $0.components(separatedBy: ";")
        }
        #expect(
            rows[0] == [
                "Dragning", "Frö", "Nr", "Verifikation", "Bokfört belopp", "Rätt belopp", "Resultat",
                "Typ av anmärkning", "Kommentar", "Granskad av", "Datum",
            ])
        #expect(rows.count == 1 + 66)
        let sample = try CLI.run(
            [
                "sample", "loner.csv", "--key", "Verifikation", "--seed", seed, "--amount", "Belopp", "--size", "60",
                "--certain-from", "100 000",
            ], in: folder.url)
        let sampled = sample.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "certain\t", with: "") }
        #expect(sampled == rows.dropFirst().map { $0[3] })
        let tauLine = try #require(sample.stderr.split(separator: "\n").first { $0.hasPrefix("tau = ") })
        let tauWords = tauLine.split(separator: " ")
        let tau = try #require(Double(tauWords[2])) * 18_446_744_073_709_551_616.0 / (try #require(Double(tauWords[6])))

        // Reviewed: everything right except one certain item (overpaid 1 000 kr) and two drawn items.
        let certainRow = 1
        let drawnRows = [10, 20]
        var projected = 0.0
        var taints: [Double] = []
        var known = 0.0
        for index in 1..<rows.count {
            rows[index][6] = "ok"
            let booked = Self.amountOre(rows[index][4])
            let misstatement: Double
            switch index {
            case certainRow: misstatement = 100_000
            case drawnRows[0]: misstatement = 250_000
            case drawnRows[1]: misstatement = 150_000
            default: continue
            }
            rows[index][5] = String(format: "%.2f", (booked - misstatement) / 100).replacingOccurrences(
                of: ".", with: ",")
            rows[index][6] = "anmärkning"
            rows[index][7] = "Fel belopp"
            if index == certainRow {
                known += misstatement
            } else {
                projected += misstatement / booked * max(booked, tau)
                taints.append(misstatement / booked)
            }
        }
        taints.sort(by: >)
        let upper = known + tau * (2.995732 + (4.743865 - 2.995732) * taints[0] + (6.295794 - 4.743865) * taints[1])
        let filled = rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        _ = try folder.write("urval-ifylld.csv", filled)
        let record = try CLI.run(
            ["record", "--worksheet", "urval-ifylld.csv", "--plan", "plan", "--by", "Löneenheten"], in: folder.url)
        #expect(record.status == 0, "\(record.stderr)")
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"misstatement\":100000"))
        #expect(journal.contains("\"misstatement\":150000"))
        #expect(journal.contains("\"misstatement\":250000"))

        /// Kronor as the report writes them: millions with one decimal, else thousands.
        func thousands(_ ore: Double, up: Bool) -> String {
            if ore >= 100_000_000 {
                let tenths = up ? (ore / 10_000_000).rounded(.up) : (ore / 10_000_000).rounded()
                return "\(Int(tenths) / 10)" + (Int(tenths) % 10 == 0 ? "" : ",\(Int(tenths) % 10)") + " mnkr"
            }
            let value = Int(up ? (ore / 100_000).rounded(.up) : (ore / 100_000).rounded()) * 1000
            let digits = Array(String(value))
            var text = ""
            for (i, d) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { text.append(" ") }
                text.append(d)
            }
            return text + " kr"
        }
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.status == 0)
        #expect(status.stdout.contains("Av 66 utbetalningar om totalt "))
        #expect(
            status.stdout.contains(
                "fanns fel i tre. Beräknat fel i hela populationen \(thousands(known + projected, up: false)), med 95 procents säkerhet högst \(thousands(upper, up: true))."
            ), "\(status.stdout)")

        let report = try CLI.run(["report", "--plan", "plan", "--point", "årsbokslut"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Beräknat fel i hela populationen \(thousands(known + projected, up: false))"))

        let verify = try CLI.run(["verify", "K1-1", "--plan", "plan", "--population", "loner.csv"], in: folder.url)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("loner.csv: the same file as drawn from ("))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [folder.file("loner.csv").path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let sum = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
            process.waitUntilExit()
            #expect(draw.stdout.contains("sha256 \(sum) (check with sha256sum)"))
        } else {
            print("notice: no /usr/bin/sha256sum; the recorded file digest is not compared with it")
        }
        // Saved again with CRLF: the same keys and amounts, so the draw re-performs, with a note.
        _ = try folder.write("loner-crlf.csv", Self.payroll().replacingOccurrences(of: "\n", with: "\r\n"))
        let resaved = try CLI.run(
            ["verify", "K1-1", "--plan", "plan", "--population", "loner-crlf.csv"], in: folder.url)
        #expect(resaved.status == 0, "\(resaved.stderr)")
        #expect(resaved.stdout.contains("note: not byte for byte the file drawn from"))
        _ = try folder.write("loner-andrad.csv", Self.payroll().replacingOccurrences(of: ";A7;", with: ";A7;9"))
        let tampered = try CLI.run(
            ["verify", "K1-1", "--plan", "plan", "--population", "loner-andrad.csv"], in: folder.url)
        #expect(tampered.status == 1)
    }
}
