extension ControlPlan {
    /// Every problem in the plan, each with its place in plan.json; empty when the plan is sound.
    ///
    /// Checked: the layout version, identifiers (shape and uniqueness across risks and
    /// control points), empty texts, risk scores 1–4, sample rules only on methods that
    /// draw, their sizes and percentages (0–100), the signal scale, dates within the year, and
    /// that no text holds a personnummer (``PlanPersonalData``).
    public var issues: [PlanIssue] {
        var found: [PlanIssue] = []
        func add(_ path: String, _ message: String) { found.append(PlanIssue(path: path, message: message)) }

        if format > ControlPlan.currentFormat {
            add(
                "format",
                "written by a newer Stickprov (format \(format)); this one reads format \(ControlPlan.currentFormat)")
        }
        if committee.trimmingASCIIWhitespace().isEmpty { add("committee", "is empty") }
        if title.trimmingASCIIWhitespace().isEmpty { add("title", "is empty") }
        if !(2000...2100).contains(year) { add("year", "\(year) is not a plan year (2000–2100)") }
        if interimCutoff.year != year {
            add("interimCutoff", "\(interimCutoff) is not in the plan year \(year)")
        }
        if let paragraph = adoption?.paragraph, paragraph.trimmingASCIIWhitespace().isEmpty {
            add("adoption.paragraph", "is empty")
        }
        found += signals.issues

        // Ids are compared without case: 'k1' beside 'K1' would share a worksheet's file name
        // (urval-K1-1.xlsx) on the case-insensitive disks of Windows and macOS.
        var seen: [String: (path: String, id: String)] = [:]
        func claim(_ id: String, at path: String) {
            let key = id.nfc.lowercased()
            if let first = seen[key] {
                add(
                    path,
                    first.id == id
                        ? "duplicate id '\(id)' (also at \(first.path))"
                        : "id '\(id)' differs from '\(first.id)' (at \(first.path)) only in case, and their worksheets' file names would be the same on Windows and macOS"
                )
            } else {
                seen[key] = (path, id)
            }
        }
        for (r, risk) in risks.enumerated() {
            let path = "risks[\(r)]"
            if let problem = risk.id.problem {
                add("\(path).id", problem)
            } else {
                claim(risk.id.rawValue, at: "\(path).id")
            }
            if risk.text.trimmingASCIIWhitespace().isEmpty { add("\(path).text", "is empty") }
            if let score = risk.score {
                if !(1...4).contains(score.probability) {
                    add("\(path).score.probability", "\(score.probability) is outside 1–4")
                }
                if !(1...4).contains(score.consequence) {
                    add("\(path).score.consequence", "\(score.consequence) is outside 1–4")
                }
            }
            for (c, control) in risk.controls.enumerated() {
                let path = "\(path).controls[\(c)]"
                if let problem = control.id.problem {
                    add("\(path).id", problem)
                } else {
                    claim(control.id.rawValue, at: "\(path).id")
                }
                found += control.issues(at: path)
            }
        }
        found += PlanPersonalData.issues(in: self) + InputBounds.issues(in: self)
        return found
    }
}

extension ControlPoint {
    /// Problems of this control point on its own, with paths under `path`.
    func issues(at path: String) -> [PlanIssue] {
        var found: [PlanIssue] = []
        func add(_ suffix: String, _ message: String) { found.append(PlanIssue(path: path + suffix, message: message)) }
        if text.trimmingASCIIWhitespace().isEmpty { add(".text", "is empty") }
        if let label = methodLabel, label.trimmingASCIIWhitespace().isEmpty { add(".methodLabel", "is empty") }
        if let responsible, responsible.trimmingASCIIWhitespace().isEmpty { add(".responsible", "is empty") }
        if let label = cadenceLabel, label.trimmingASCIIWhitespace().isEmpty { add(".cadenceLabel", "is empty") }
        if let label = followUpLabel, label.trimmingASCIIWhitespace().isEmpty { add(".followUpLabel", "is empty") }
        if case .timesPerYear(let count) = cadence, !(1...366).contains(count) {
            add(".cadence", "\(count) times a year is not possible")
        }
        var kinds: Set<String> = []
        for (i, kind) in remarkKinds.enumerated() {
            if kind.trimmingASCIIWhitespace().isEmpty { add(".remarkKinds[\(i)]", "is empty") }
            if !kinds.insert(kind.nfc.lowercased()).inserted {
                add(".remarkKinds[\(i)]", "duplicate remark kind '\(kind)'")
            }
        }
        found += criterionIssues(at: path)
        guard let rule = sampleRule else { return found }
        if let method, !method.takesSampleRule {
            add(
                ".sampleRule",
                "method '\(method.rawValue)' draws no sample; remove the rule or use sample or case-review")
        }
        switch rule.size {
        case .count(let count) where count < 1:
            add(".sampleRule.count", "\(count) is not a sample size (at least 1)")
        case .count(let count) where count > InputBounds.maximumCount:
            add(
                ".sampleRule.count",
                "\(count) is not a sample size (at most \(InputBounds.thousands(InputBounds.maximumCount)))")
        case .logCheck(let users) where users > InputBounds.maximumCount:
            add(
                ".sampleRule.logCheckUsers",
                "\(users) is not a number of users (at most \(InputBounds.thousands(InputBounds.maximumCount)))")
        case .percent(let percent):
            found += percentIssues(percent, at: path + ".sampleRule.percent")
        case .logCheck(let users) where users < 1:
            add(".sampleRule.logCheckUsers", "\(users) is not a number of users (at least 1)")
        case .strata(let rules):
            if rules.isEmpty { add(".sampleRule.strata", "has no strata") }
            var names: Set<String> = []
            for (s, stratum) in rules.enumerated() {
                let stratumPath = ".sampleRule.strata[\(s)]"
                if stratum.stratum.trimmingASCIIWhitespace().isEmpty { add(stratumPath + ".stratum", "is empty") }
                if !names.insert(stratum.stratum.nfc).inserted {
                    add(stratumPath + ".stratum", "duplicate stratum '\(stratum.stratum)'")
                }
                switch stratum.size {
                case .count(let count) where count < 0 || count > InputBounds.maximumCount:
                    add(stratumPath + ".count", "\(count) is not a sample size")
                case .percent(let percent):
                    found += percentIssues(percent, at: path + stratumPath + ".percent")
                default: break
                }
            }
        default: break
        }
        if let amountColumn = rule.amountColumn {
            if case .count = rule.size {
            } else {
                // sha256-pps-v1 draws k items (SPEC.md §12); a percentage or strata has no meaning there.
                add(
                    ".sampleRule",
                    "draws by amount (column '\(amountColumn)'), which takes a count, not a percentage, strata or log-check users; give it a count (--count 60)"
                )
            }
        }
        if let problem = rule.size.zeroSizeProblem, !found.contains(where: { $0.path.hasPrefix(path + ".sampleRule") })
        {
            add(".sampleRule", problem)
        }
        for (i, column) in rule.carry.enumerated() where column.trimmingASCIIWhitespace().isEmpty {
            add(".sampleRule.carry[\(i)]", "is empty")
        }
        let logColumns = [
            ("unitColumn", rule.unitColumn), ("managerColumn", rule.managerColumn),
            ("logUserColumn", rule.logUserColumn), ("logTimeColumn", rule.logTimeColumn),
        ]
        for case (let field, let column?) in logColumns where column.trimmingASCIIWhitespace().isEmpty {
            add(".sampleRule.\(field)", "is empty")
        }
        return found
    }

    /// A criterion is a worksheet column of its own ("Resultat (K2)" on a shared draw's sheet) and is
    /// named on the command line by its words or its number, so its name may not be empty, a
    /// number, another criterion's in other case or spacing, or a column the worksheet has anyway
    /// (a sheet naming a column twice cannot be read back).
    private func criterionIssues(at path: String) -> [PlanIssue] {
        typealias Column = Worksheet.Column
        func folded(_ text: String) -> String {
            text.nfc.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let rule = sampleRule
        let columns =
            [
                Column.draw, Column.seed, Column.number, Column.stratum, Column.result, Column.remarkKind, Column.note,
                Column.reviewer, Column.date, Column.booked, Column.correct,
            ]
            + [rule?.keyColumn ?? "Nyckel", rule?.stratumColumn, rule?.amountColumn].compactMap { $0 }
            + (rule?.carry ?? [])
        var found: [PlanIssue] = []
        var seen: [String: String] = [:]
        for (i, name) in criteria.enumerated() {
            let place = path + ".criteria[\(i)]"
            let key = folded(name)
            if key.isEmpty {
                found.append(PlanIssue(path: place, message: "is empty"))
            } else if key.allSatisfy(\.isNumber) {
                found.append(
                    PlanIssue(
                        path: place,
                        message:
                            "'\(name)' is a number, which names a criterion by its place ('--criterion 2=uppfyllt'); name it in words"
                    ))
            } else if let column = columns.first(where: { folded($0) == key }) {
                found.append(
                    PlanIssue(
                        path: place,
                        message:
                            "'\(name.prefix(60))' is the name of a worksheet column '\(column)' too, and the sheet could not tell them apart; name the criterion otherwise"
                    ))
            } else if let other = seen[key] {
                found.append(
                    PlanIssue(
                        path: place,
                        message:
                            "'\(name.prefix(60))' is the same as criterion '\(other.prefix(60))' but for case or spacing"
                    ))
            }
            if seen[key] == nil { seen[key] = name }
        }
        return found
    }

    private func percentIssues(_ percent: Percentage, at path: String) -> [PlanIssue] {
        guard !(0...10_000).contains(percent.hundredths) else { return [] }
        return [PlanIssue(path: path, message: "\(percent) % is outside 0–100 %")]
    }
}

extension SignalScale {
    /// Problems of the scale: no levels, empty or duplicate ids, labels, a name shared by two levels,
    /// colours not `#RRGGBB`.
    var issues: [PlanIssue] {
        var found: [PlanIssue] = []
        if levels.isEmpty { found.append(PlanIssue(path: "signals", message: "has no levels")) }
        var ids: Set<String> = []
        var words: [String: String] = [:]
        for (i, level) in levels.enumerated() {
            let path = "signals[\(i)]"
            // --signal takes names too: two levels of one name would be ambiguous.
            if let name = level.name, !name.trimmingASCIIWhitespace().isEmpty {
                if let first = words[SignalScale.key(name)] {
                    found.append(PlanIssue(path: path + ".name", message: "'\(name)' is also the name of \(first)"))
                } else {
                    words[SignalScale.key(name)] = path
                }
            }
            if level.id.trimmingASCIIWhitespace().isEmpty {
                found.append(PlanIssue(path: path + ".id", message: "is empty"))
            } else if !ids.insert(level.id.lowercased()).inserted {
                found.append(PlanIssue(path: path + ".id", message: "duplicate signal '\(level.id)'"))
            }
            if level.label.trimmingASCIIWhitespace().isEmpty {
                found.append(PlanIssue(path: path + ".label", message: "is empty"))
            }
            if let colour = level.colour, !SignalMark.isHexColour(colour) {
                found.append(PlanIssue(path: path + ".colour", message: "'\(colour)' is not a colour #RRGGBB"))
            }
        }
        return found
    }
}
