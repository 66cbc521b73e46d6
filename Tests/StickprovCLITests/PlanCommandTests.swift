import Foundation
import Testing

@Suite struct PlanCommandTests {
    /// Builds a small plan with the CLI in `folder/plan`.
    static func makePlan(in folder: TemporaryFolder) throws {
        let steps: [[String]] = [
            ["plan", "init", "--plan", "plan", "--committee", "Socialnämnden", "--year", "2023"],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att vi inte har en rättssäker myndighetsutövning"],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text",
                "Att obehöriga personer ej går in i ärenden",
                "--method", "stickprov", "--cadence", "månadsvis", "--responsible", "Systemförvaltare",
                "--log-check-users", "15",
            ],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Granskning av utredningar",
                "--method", "case-review", "--count", "25", "--key-column", "Ärendenummer", "--carry", "Handläggare",
            ],
        ]
        for step in steps {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
    }

    @Test func buildsAPlanStepByStepAndShowsIt() throws {
        let folder = try TemporaryFolder()
        try Self.makePlan(in: folder)
        let show = try CLI.run(["plan", "show", "--plan", "plan"], in: folder.url)
        #expect(show.status == 0)
        #expect(show.stdout.contains("1. Att vi inte har en rättssäker myndighetsutövning (R1)\n"))
        #expect(show.stdout.contains("   1.2  K2  Granskning av utredningar\n"))
        #expect(show.stdout.contains("Urval: 25 st · nyckel: Ärendenummer · medföljer: Handläggare"))
        let validate = try CLI.run(["plan", "validate"], in: folder.url.appendingPathComponent("plan"))
        #expect(validate.stdout == "./plan.json: ok (1 risk, 2 control points)\n")
        #expect(validate.status == 0)
    }

    @Test func editsAndRemovesThroughTheCLI() throws {
        let folder = try TemporaryFolder()
        try Self.makePlan(in: folder)
        var result = try CLI.run(
            ["plan", "edit", "K2", "--plan", "plan", "--percent", "12,5", "--cadence", "2023-02-15,2023-05-15"],
            in: folder.url)
        #expect(result.stdout == "Changed control point K2.\n")
        let json = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        #expect(json.contains("\"percent\" : \"12.5\""))
        #expect(json.contains("\"keyColumn\" : \"Ärendenummer\""))  // the rest of the rule is kept
        result = try CLI.run(["plan", "edit", "K2", "--plan", "plan", "--probability", "3"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --probability does not apply to a control point\n"))
        result = try CLI.run(["plan", "remove", "R1", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == "error: risk 'R1' has control points K1, K2; remove them first or add --with-controls\n")
        result = try CLI.run(["plan", "remove", "R1", "--with-controls", "--plan", "plan"], in: folder.url)
        #expect(result.stdout == "Removed risk R1.\n")
    }

    @Test func refusesAChangeThatWouldBreakThePlanAndKeepsTheFile() throws {
        let folder = try TemporaryFolder()
        try Self.makePlan(in: folder)
        let before = try Data(contentsOf: folder.file("plan/plan.json"))
        let result = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--id", "K1", "--text", "x", "--method",
                "survey",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: the change would make the plan invalid: risks[0].controls[2].id: duplicate id 'K1' (also at risks[0].controls[0].id)\n"
        )
        #expect(try Data(contentsOf: folder.file("plan/plan.json")) == before)
        #expect(folder.listing() == ["plan", "plan/plan.json"])
    }

    @Test func reportsEveryProblemOfAHandEditedPlan() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "p/plan.json",
            #"""
            {"committee": "S", "year": 2023, "adoption": {"date": "2022-02-30"},
             "risks": [{"id": "R1", "text": "", "controls": [
               {"id": "K1", "text": "t", "method": "measurement", "followUp": "both", "sampleRule": {"percent": "101"}}]}]}
            """#)
        let result = try CLI.run(["plan", "validate", "--plan", "p"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                p/plan.json: adoption.date: '2022-02-30' is not a date YYYY-MM-DD
                p/plan.json: risks[0].text: is empty
                p/plan.json: risks[0].controls[0].sampleRule: method 'measurement' draws no sample; remove the rule or use sample or case-review
                p/plan.json: risks[0].controls[0].sampleRule.percent: 101 % is outside 0–100 %

                """)
    }

    @Test(arguments: [
        (
            ["plan", "show", "--plan", "nowhere"], Int32(1),
            "nowhere: no plan.json here; create one with 'stickprov plan init --plan nowhere' or name it with --plan DIR\n"
        ),
        (
            ["plan", "add-risk", "--txt", "x"], 2,
            "error: unknown option '--txt'; did you mean --text?\nUsage: stickprov plan add-risk [options]\nSee 'stickprov plan add-risk --help'.\n"
        ),
        (
            ["plan", "init", "--plan", "x", "--committee", "S", "--year", "tjugo"], 2,
            "error: --year takes a whole number, not 'tjugo'\nUsage: stickprov plan init [options]\nSee 'stickprov plan init --help'.\n"
        ),
        (
            ["plan", "frobnicate"], 2,
            "error: unknown command 'plan frobnicate'\nCommands: plan init, plan add-risk, plan add-control, plan edit, plan move, plan remove, plan show, plan validate, plan import, plan signal add, plan signal edit, plan signal remove, plan handle-risk, plan import-risks, plan adopt, plan amend\n"
        ),
        (["lottery"], 2, "error: unknown command 'lottery'; see 'stickprov --help'\n"),
    ])
    func refusesBadUsageWithTheRightExitCode(arguments: [String], status: Int32, message: String) throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(arguments, in: folder.url)
        #expect(result.status == status)
        #expect(result.stderr == message)
        #expect(folder.listing().isEmpty)
    }

    @Test func refusesAnUnknownRiskWithTheKnownOnes() throws {
        let folder = try TemporaryFolder()
        try Self.makePlan(in: folder)
        let result = try CLI.run(
            ["plan", "add-control", "--plan", "plan", "--risk", "R9", "--text", "x", "--method", "survey"],
            in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "error: no risk 'R9' in the plan (risks: R1)\n")
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let overview = try CLI.run(["--help"])
        #expect(overview.status == 0)
        let commandLines = overview.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("Commands:") } ?? ""
        let names = commandLines.split(separator: "\n").filter { $0.hasPrefix("  ") }
            .map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0] }
        #expect(names.count >= 8)
        for name in names {
            let help = try CLI.run(name.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0, "\(name)")
            #expect(
                help.stdout.contains("Examples:\n  stickprov \(name.split(separator: " ")[0])"),
                "\(name) has no example")
        }
    }

    @Test func importsAPlanFromAWindows1252Spreadsheet() throws {
        let folder = try TemporaryFolder()
        // "Identifierad risk;Vad kontrolleras?;Frekvens uppföljning;Metod" in Windows-1252, a quoted cell with ';' and a line break.
        var bytes =
            Array("Identifierad risk;Vad kontrolleras?;Frekvens uppf".utf8) + [0xF6] + Array("ljning;Metod\r\n".utf8)
        bytes +=
            Array("\"Att vi inte har en r".utf8) + [0xE4] + Array("tts".utf8) + [0xE4] + Array("ker\r\nhandl".utf8) + [
                0xE4
            ]
        bytes +=
            Array("ggning\";Att obeh".utf8) + [0xF6] + Array("riga ej g".utf8) + [0xE5] + Array("r in;Del- och ".utf8)
        bytes += [0xE5] + Array("rsbokslut;Stickprov\r\n".utf8)
        bytes +=
            Array(";\"Granskning; av beslut\";".utf8) + [0xC5] + Array("rsbokslut;Granskning av handl".utf8) + [0xE4]
            + Array("ggning\r\n".utf8)
        let file = try folder.write("plan.csv", bytes)
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "Socialnämnden", "--year", "2024"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let show = try CLI.run(["plan", "show", "--plan", "p"], in: folder.url)
        #expect(show.stdout.contains("1. Att vi inte har en rättsäker handläggning (R1)\n"))
        #expect(show.stdout.contains("   1.1  K1  Att obehöriga ej går in\n"))
        #expect(
            show.stdout.contains(
                "   1.2  K2  Granskning; av beslut\n            Metod: Granskning av handläggning · Uppföljning: Årsbokslut"
            ))
    }

    @Test func importListsEveryBadRowAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "plan.csv",
            "Identifierad risk,Vad kontrolleras?,Frekvens uppföljning,Metod\n,x,Kvartal,Stickprov\nR,,Årsbokslut,Tärningskast\n"
        )
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "S", "--year", "2024"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(file):2: 'Identifierad risk' is empty and there is no risk above to belong to
                \(file):3: 'Vad kontrolleras?' is empty

                """)
        #expect(folder.listing() == ["plan.csv"])
    }

    @Test func importRefusesASheetWithoutATextColumn() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("plan.csv", "\u{FEFF}Risk;Metod\r\nR;Stickprov\r\n")
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "S", "--year", "2024"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(file):1: no header row: none of the first 10 rows has a column 'Vad kontrolleras?' or 'Kontrollmoment' (the first row has: Risk, Metod)

                """)
        #expect(folder.listing() == ["plan.csv"])
    }

    @Test func importRefusesAnAmbiguousHeader() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("plan.csv", "Plan 2024;;\nRisk;Område;Kontrollmoment\nA;B;x\n")
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "S", "--year", "2024"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(file):2: the header is ambiguous: 'Risk' and 'Område' all name the column 'Identifierad risk'; rename or remove all but one\n"
        )
        #expect(folder.listing() == ["plan.csv"])
    }

    @Test func importReadsACellPastTheHeaderAsAColumnNotUsed() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "plan.csv",
            "Identifierad risk;Vad kontrolleras?;Frekvens uppföljning;Metod\n\"R\nmed radbrytning\";x;Årsbokslut;Enkät\nR;y;Årsbokslut;Enkät;extra\n"
        )
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "S", "--year", "2024"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Not used: 'column 5 (no header)'.\n"))
    }

    @Test func importNamesTheLineOfAQuoteThatNeverCloses() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("plan.csv", "Kontrollmoment;Metod\nx;Enkät\n\"y;Enkät\n")
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "S", "--year", "2024"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file):3: "))
        #expect(folder.listing() == ["plan.csv"])
    }

    @Test func importsTheCommitteesSheetWithItsIdsAndWordsAndSaysWhatItDid() throws {
        let folder = try TemporaryFolder()
        let text =
            [
                "Internkontrollplan 2024 Centrala förvaltningen;;;;;;",
                "Id*;Kontrollmoment:;Metod:;Periodicitet***;Uppföljningsansvarig;;",
                "CENT 1;Att attesträtter är aktuella;kontroll lön;3 ggr/år;Lönechef;;",
                "CENT 2;Andel fakturor efter förfallodag;Beräkning av andel;2 ggr/år;Ekonomichef;;",
                ";Att avtal följs vid inköp;;Löpande;;;",
            ].joined(separator: "\r\n") + "\r\n"
        let file = try folder.write("plan.csv", text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let result = try CLI.run(
            ["plan", "import", file, "--plan", "p", "--committee", "Kommunstyrelsen", "--year", "2024"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Created p/plan.json from \(file): 1 risk area, 3 control points (header on line 2; skipped the line above it: 1).
                Columns read: 'Id*' as Id, 'Kontrollmoment:' as Vad kontrolleras?, 'Metod:' as Metod, 'Periodicitet***' as Frekvens, 'Uppföljningsansvarig' as Uppföljningsansvarig.
                Not in the sheet: Identifierad risk (one risk area, 'Kontrollmoment'); Frekvens uppföljning (reported at both, Del- och årsbokslut).
                Metod kept as written, of no kind the tool knows: 'kontroll lön' (a draw will ask for a sample rule).
                Frekvens kept as written, no schedule read from it: 'Löpande'.

                """)
        let show = try CLI.run(["plan", "show", "--plan", "p", "--width", "140"], in: folder.url)
        #expect(
            show.stdout.contains(
                """
                1. Kontrollmoment (R1)
                   1.1  CENT 1  Att attesträtter är aktuella
                                Metod: kontroll lön · Frekvens: 3 ggr/år · Uppföljning: Del- och årsbokslut · Ansvarig: Lönechef
                   1.2  CENT 2  Andel fakturor efter förfallodag
                                Metod: Beräkning av andel · Frekvens: 2 ggr/år · Uppföljning: Del- och årsbokslut · Ansvarig: Ekonomichef
                   1.3  CENT 3  Att avtal följs vid inköp
                                Frekvens: Löpande · Uppföljning: Del- och årsbokslut
                """), "\(show.stdout)")
    }

    @Test func keepsTheCommitteesWordsAndAllowsABlankMethod() throws {
        let folder = try TemporaryFolder()
        try Self.makePlan(in: folder)
        var result = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--id", "CENT 1", "--text",
                "Att rutiner följs",
                "--cadence", "Löpande", "--follow-up", "Delår och årsbokslut",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        result = try CLI.run(
            ["plan", "edit", "K2", "--plan", "plan", "--method-label", "", "--cadence", "2 ggr/år"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        result = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--method", "", "--method-label", "kontroll lön"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        result = try CLI.run(["plan", "edit", "K1", "--plan", "plan", "--follow-up", "Kvartalsvis"], in: folder.url)
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: --follow-up 'Kvartalsvis' names neither report; give both, interim or year-end, or words like 'Delår och årsbokslut'\n"
            ))
        let show = try CLI.run(["plan", "show", "--plan", "plan", "--width", "140"], in: folder.url)
        #expect(
            show.stdout.contains(
                """
                   1.1  K1      Att obehöriga personer ej går in i ärenden
                                Metod: kontroll lön · Frekvens: Månadsvis · Uppföljning: Del- och årsbokslut · Ansvarig: Systemförvaltare
                """), "\(show.stdout)")
        #expect(
            show.stdout.contains(
                """
                   1.2  K2      Granskning av utredningar
                                Metod: Granskning av handläggning · Frekvens: 2 ggr/år · Uppföljning: Del- och årsbokslut
                """), "\(show.stdout)")
        #expect(
            show.stdout.contains(
                """
                   1.3  CENT 1  Att rutiner följs
                                Frekvens: Löpande · Uppföljning: Delår och årsbokslut\n
                """), "\(show.stdout)")
        let report = try CLI.run(["report", "--plan", "plan", "--point", "delår", "--format", "csv"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains(";Att rutiner följs;Delår och årsbokslut;;Ej bedömd;"), "\(report.stdout)")
    }
}
