import Foundation
import Testing

/// What a careless or hostile user tried on the shared draws, criteria and plan edits, through the
/// CLI only: each refusal says what is wrong, exits 1 or 2, and records nothing.
@Suite struct HostileSweepTests {
    /// A plan with two points of one area sharing a draw (K1 with the SOSFS criteria, K2 with one
    /// of its own), one result each recorded, and the status printed before anything else.
    static func sharedDrawWithResults() throws -> (TemporaryFolder, status: String) {
        let folder = try SharedDrawCommandTests.setUp()
        let steps: [[String]] = [
            ["plan", "edit", "K1", "--plan", "plan", "--criteria", "sosfs"],
            ["plan", "edit", "K2", "--plan", "plan", "--criterion", "Uppföljning dokumenterad"],
            [
                "draw", "K1", "K2", "--plan", "plan", "--population", "beslut-h1.csv", "--seed", "h1", "--period",
                "2023-H1",
                "--date", "2023-07-03", "--out", "urval.csv",
            ],
        ]
        for step in steps {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let keys = try CriteriaCommandTests.rows(folder, "urval.csv").dropFirst().map { $0[4] }
        for (control, result) in [("K1", ["--remark", "Riktlinjen ej följd"]), ("K2", ["--ok"])] {
            let record = try CLI.run(
                ["record", "K1+K2-1", keys[0], "--control", control, "--plan", "plan", "--date", "2023-07-10"] + result,
                in: folder.url)
            #expect(record.status == 0, "\(record.stderr)")
        }
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.status == 0, "\(status.stderr)")
        return (folder, status.stdout)
    }

    static func bytes(_ folder: TemporaryFolder, _ name: String) throws -> Data {
        try Data(contentsOf: folder.url.appendingPathComponent(name))
    }

    @Test func aControlPointTheJournalNamesIsNeitherRenamedNorRemovedNorIsItsOldIdReused() throws {
        let (folder, before) = try Self.sharedDrawWithResults()
        let plan = try Self.bytes(folder, "plan/plan.json")
        // Renamed, its results would be read as nobody's (K1 → X) or as another point's (K2 → K1).
        for attempt in [
            ["plan", "edit", "K1", "--id", "X"], ["plan", "remove", "K2"], ["plan", "remove", "R1", "--with-controls"],
        ] {
            let result = try CLI.run(attempt + ["--plan", "plan"], in: folder.url)
            #expect(result.status == 1, "\(attempt): \(result.stdout)")
            #expect(result.stderr.contains("the journal names it"), "\(attempt): \(result.stderr)")
            #expect(!result.wasSignalled)
            #expect(try Self.bytes(folder, "plan/plan.json") == plan, "\(attempt)")
        }
        let renamed = try CLI.run(["plan", "edit", "K2", "--id", "X", "--plan", "plan"], in: folder.url)
        #expect(
            renamed.stderr.contains("control point 'K2'") && renamed.stderr.contains("K1+K2-1"), "\(renamed.stderr)")
        // A point the journal does not name is renamed and removed as before.
        for step in [["plan", "edit", "K3", "--id", "K9"], ["plan", "remove", "K9"]] {
            let result = try CLI.run(step + ["--plan", "plan"], in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.stdout.contains("Riktlinjen ej följd 1"))
        #expect(before.contains("1.3 K3"))
    }
}

extension HostileSweepTests {
    @Test func aCriterionNamedLikeAWorksheetColumnANumberOrAnotherCriterionIsRefused() throws {
        let (folder, _) = try Self.sharedDrawWithResults()
        let plan = try Self.bytes(folder, "plan/plan.json")
        // "Resultat" made the shared worksheet's 'Resultat (K2)' twice, a sheet that could never be read back.
        let refused = [
            ("K2", "Resultat", "worksheet column 'Resultat'"), ("K2", "granskad  av", "worksheet column 'Granskad av'"),
            ("K1", "Beslutsnummer", "worksheet column 'Beslutsnummer'"), ("K2", "2", "is a number"),
            ("K2", "Uppföljning  dokumenterad", "same as criterion 'Uppföljning dokumenterad'"),
        ]
        for (point, name, words) in refused {
            let result = try CLI.run(["plan", "edit", point, "--plan", "plan", "--criterion", name], in: folder.url)
            #expect(result.status == 1, "\(name): \(result.stdout)")
            #expect(result.stderr.contains(words), "\(name): \(result.stderr)")
            #expect(try Self.bytes(folder, "plan/plan.json") == plan, "\(name)")
        }
        let validate = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(validate.status == 0, "\(validate.stderr)")
    }

    @Test func oneCriterionGivenTwoVerdictsInOneRecordIsRefused() throws {
        let (folder, before) = try Self.sharedDrawWithResults()
        let journal = try Self.bytes(folder, "plan/journal.jsonl")
        let keys = try CriteriaCommandTests.rows(folder, "urval.csv").dropFirst().map { $0[4] }
        // The same criterion by its name in another case and by its number: which verdict was meant?
        let record = try CLI.run(
            [
                "record", "K1+K2-1", keys[1], "--control", "K1", "--plan", "plan", "--date", "2023-07-10",
                "--criterion", "handläggningsåtgärder dokumenterade=anmärkning", "--criterion", "1=uppfyllt",
            ], in: folder.url)
        #expect(record.status == 1, "\(record.stdout)")
        #expect(
            record.stderr.contains("criterion 'Handläggningsåtgärder dokumenterade' is given twice"), "\(record.stderr)"
        )
        #expect(try Self.bytes(folder, "plan/journal.jsonl") == journal)
        // The same verdict twice is no contradiction.
        let same = try CLI.run(
            [
                "record", "K1+K2-1", keys[1], "--control", "K1", "--plan", "plan", "--date", "2023-07-10",
                "--criterion", "1=uppfyllt", "--criterion", "Handläggningsåtgärder dokumenterade=uppfyllt",
            ], in: folder.url)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(before.contains("1.1 K1"))
    }
}

extension HostileSweepTests {
    @Test func aSharedSheetsFilledColumnThatNoPointOfItsDrawReadsIsRefused() throws {
        let (folder, _) = try Self.sharedDrawWithResults()
        // A criterion removed after the draw, and K1's result column retyped as another point's:
        // both were silently not recorded.
        let edit = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--remove-criterion", "Motivering av beslutsskäl"], in: folder.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        let journal = try Self.bytes(folder, "plan/journal.jsonl")
        let rows = try CriteriaCommandTests.rows(folder, "urval.csv")
        let header = rows[0]
        for (column, retitled) in [("Motivering av beslutsskäl (K1)", nil), ("Resultat (K1)", "Resultat (K3)")] {
            var filled = rows
            let index = try #require(header.firstIndex(of: column))
            filled[2][index] = retitled == nil ? "anmärkning" : "ok"
            filled[2][try #require(header.firstIndex(of: "Resultat (K2)"))] = "ok"
            if let retitled { filled[0][index] = retitled }
            try folder.write("ifylld.csv", filled.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n")
            let record = try CLI.run(["record", "--plan", "plan", "--worksheet", "ifylld.csv"], in: folder.url)
            #expect(record.status == 1, "\(column): \(record.stdout)")
            #expect(
                record.stderr.contains(
                    "ifylld.csv:1: column '\(retitled ?? column)' is filled in but is not a column of draw K1+K2-1"),
                "\(record.stderr)")
            #expect(try Self.bytes(folder, "plan/journal.jsonl") == journal)
        }
        // Left empty, the removed criterion's column is no problem.
        var filled = rows
        filled[2][try #require(header.firstIndex(of: "Resultat (K2)"))] = "ok"
        try folder.write("ifylld.csv", filled.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n")
        let record = try CLI.run(["record", "--plan", "plan", "--worksheet", "ifylld.csv"], in: folder.url)
        #expect(record.status == 0, "\(record.stderr)")
    }
}

extension HostileSweepTests {
    @Test func aProviderSheetWrittenWithAFormulaLikeTextImportsBackAsTheSameContract() throws {
        let folder = try SharedDrawCommandTests.setUp()
        let record = try CLI.run(
            [
                "provider", "record", "--plan", "plan", "--contract", "-HVB för unga (Vägvalet AB)", "--followed-up",
                "=Bemanning", "--fulfilled", "ja",
            ], in: folder.url)
        #expect(record.status == 0, "\(record.stderr)")
        for out in ["bilaga2.csv", "bilaga2.xlsx"] {
            let sheet = try CLI.run(["provider", "worksheet", "--plan", "plan", "--out", out], in: folder.url)
            #expect(sheet.status == 0, "\(sheet.stderr)")
            // The CSV guards '-HVB…' with a "'" for Excel; read back, it is the contract recorded, not a new one.
            let again = try CLI.run(["provider", "import", out, "--plan", "plan"], in: folder.url)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.hasPrefix("Nothing new from \(out)"), "\(out): \(again.stdout)")
        }
        let appendix = try CLI.run(["report", "--plan", "plan", "--appendix", "2"], in: folder.url)
        #expect(appendix.stdout.contains("ett avtal"), "\(appendix.stdout)")
        #expect(!appendix.stdout.contains("'-HVB"))
    }
}

extension HostileSweepTests {
    @Test func sizeOfOneItemSaysItem() throws {
        let size = try CLI.run(["size", "--tolerable-rate", "99,99%"])
        #expect(size.status == 0, "\(size.stderr)")
        #expect(
            size.stdout
                == "1\nIf you review 1 item drawn at random and find no deviation, you can say with 95 % confidence that the deviation rate in the population is at most 99,99 %.\n"
        )
    }
}

extension HostileSweepTests {
    @Test func theAppendixAndRiskMatrixCSVWithFormulaLikeTextsImportBackAsWritten() throws {
        let folder = try TemporaryFolder()
        for step in [
            ["plan", "init", "--plan", "a", "--committee", "Socialnämnden", "--year", "2023"],
            [
                "plan", "add-risk", "--plan", "a", "--text", "-Att risken finns", "--probability", "2", "--consequence",
                "3",
            ],
            [
                "plan", "add-control", "--plan", "a", "--risk", "R1", "--text", "=Att kontrollen görs", "--method",
                "granskning",
            ],
            ["report", "--plan", "a", "--point", "delår", "--format", "csv", "--out", "bilaga1.csv"],
            ["report", "--plan", "a", "--risk-matrix", "--format", "csv", "--out", "risker.csv"],
            ["plan", "import", "bilaga1.csv", "--plan", "b", "--committee", "Socialnämnden", "--year", "2023"],
            ["plan", "import-risks", "risker.csv", "--plan", "b"],
        ] {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        // The CSVs guard the texts with "'" for Excel; imported, the texts are as written, the risk scored once.
        let plan = try String(contentsOf: folder.url.appendingPathComponent("b/plan.json"), encoding: .utf8)
        #expect(
            plan.contains("\"text\" : \"-Att risken finns\"") && plan.contains("\"text\" : \"=Att kontrollen görs\""),
            "\(plan)")
        #expect(!plan.contains("'"))
    }
}

extension HostileSweepTests {
    @Test func aSharedSheetsPlainResultColumnIsNamedAsTheSheetWasWrittenNotByAnOption() throws {
        let (folder, _) = try Self.sharedDrawWithResults()
        let journal = try Self.bytes(folder, "plan/journal.jsonl")
        var rows = try CriteriaCommandTests.rows(folder, "urval.csv")
        let index = try #require(rows[0].firstIndex(of: "Resultat (K1)"))
        rows[0][index] = "Resultat"
        rows[2][index] = "ok"
        try folder.write("ifylld.csv", rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n")
        let record = try CLI.run(["record", "--plan", "plan", "--worksheet", "ifylld.csv"], in: folder.url)
        #expect(record.status == 1)
        // A sheet has no --control: the message names the columns it should have.
        #expect(
            record.stderr
                == "ifylld.csv:3: draw K1+K2-1 is shared by K1, K2: the column 'Resultat' says no control point; name it for its point as the sheet was written ('Resultat (K1)' or 'Resultat (K2)')\n",
            "\(record.stderr)")
        #expect(try Self.bytes(folder, "plan/journal.jsonl") == journal)
    }
}

extension HostileSweepTests {
    @Test func aKeyStartingWithADashIsShownHowToBeGiven() throws {
        let folder = try SharedDrawCommandTests.setUp()
        try folder.write("beslut.csv", "Beslutsnummer;Beslutstyp\n-5;LSS\n")
        let draw = try CLI.run(
            [
                "draw", "K3", "--plan", "plan", "--population", "beslut.csv", "--seed", "s", "--date", "2023-03-01",
                "--out", "u.csv",
            ],
            in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        let bare = try CLI.run(
            ["record", "K3-1", "-5", "--ok", "--plan", "plan", "--date", "2023-03-05"], in: folder.url)
        #expect(bare.status == 2)
        #expect(
            bare.stderr.hasPrefix(
                "error: unknown option '-5'; options are written --name (a key or text starting with '-' goes after the options and '--': -- '-5')"
            ),
            "\(bare.stderr)")
        let given = try CLI.run(
            ["record", "K3-1", "--ok", "--plan", "plan", "--date", "2023-03-05", "--", "-5"], in: folder.url)
        #expect(given.stdout == "Recorded K3-1 -5: utan anmärkning.\n", "\(given.stderr)")
    }
}

extension HostileSweepTests {
    @Test func anIdDifferingFromAnotherOnlyInCaseIsRefused() throws {
        let folder = try SharedDrawCommandTests.setUp()
        let plan = try Self.bytes(folder, "plan/plan.json")
        for step in [["plan", "edit", "K3", "--id", "k1"], ["plan", "add-risk", "--text", "Att x", "--id", "r1"]] {
            let result = try CLI.run(step + ["--plan", "plan"], in: folder.url)
            #expect(result.status == 1, "\(step): \(result.stdout)")
            #expect(result.stderr.contains("only in case"), "\(result.stderr)")
            #expect(try Self.bytes(folder, "plan/plan.json") == plan)
        }
    }
}
