import Foundation

/// What can go wrong reading, checking, changing or writing a plan.
public enum PlanError: Error, Sendable, Equatable {
    /// There is no plan.json in the folder.
    case notFound(directory: String)
    /// No plan in the current folder and several under `./Plans`: `plans` names them.
    case severalPlans([String])
    /// plan.json exists but could not be read.
    case unreadable(path: String, reason: String)
    /// plan.json is not JSON, or not the plan's shape; `line` when it can be told.
    case malformedJSON(path: String, line: Int?, detail: String)
    /// plan.json was read but has problems; all of them are listed.
    case invalid(path: String, issues: [PlanIssue])
    /// `plan init` or `plan import` would overwrite an existing plan.
    case alreadyExists(path: String)
    /// A new plan's folder (`path` is its plan.json) lies inside another plan's folder, `enclosing`.
    case insidePlan(path: String, enclosing: String)
    /// The plan could not be written.
    case writeFailed(path: String, reason: String)
    /// A command names a risk the plan does not have.
    case unknownRisk(RiskID, known: [RiskID])
    /// A command names a control point the plan does not have.
    case unknownControl(ControlID, known: [ControlID])
    /// A command names an id that is neither a risk nor a control point.
    case unknownID(String)
    /// Removing a risk that still has control points, without saying to remove them too.
    case riskHasControls(RiskID, controls: [ControlID])
    /// A command names a signal level the plan's scale does not have.
    case unknownSignal(String, known: [String])
    /// Removing a signal level that assessments in the journal name.
    case signalInUse(String, assessments: Int)
    /// A place in the signal scale outside 1…`count`.
    case signalPosition(Int, count: Int)
    /// A move to a place outside 1…`count`.
    case position(Int, count: Int)
    /// A stratified draw names strata the population does not have (and was not told to go on).
    case missingStrata(ControlID, column: String, [StratumCheck.Missing])
    /// Removing an entry a control point's list does not have; `list` names the list ("remark kind").
    case notInList(String, [String], list: String)
    /// Carried columns for a control point without a sample rule.
    case noSampleRule(ControlID)
    /// A change would leave the plan with problems (e.g. a duplicate id); nothing was written.
    case rejectedChange(issues: [PlanIssue])
    /// A change would take away (`added` false) or give out (`added` true) an id the journal's
    /// events name; `what` says whose ("control point 'K1'"), `uses` what the journal records.
    case namedInJournal(String, uses: [String], added: Bool)
    /// A change would take recorded assessments out of every report (``AssessmentVisibility``);
    /// nothing was changed (`--force` records that they no longer hold).
    case hidesAssessments([HiddenAssessment])
    /// A plan whose assessments in the journal no report shows (a hand edit): `plan validate`'s finding.
    case assessmentsNotShown([HiddenAssessment])

    /// The file the error is about, when there is one.
    public var path: String? {
        switch self {
        case .unreadable(let path, _), .malformedJSON(let path, _, _), .invalid(let path, _),
            .alreadyExists(let path), .writeFailed(let path, _), .insidePlan(let path, _):
            path
        case .notFound(let directory): directory
        default: nil
        }
    }

    /// The lines a user reads, each complete (`file: place: what is wrong`).
    public var messages: [String] {
        switch self {
        case .severalPlans(let plans):
            [
                "there are \(plans.count) plans under ./Plans (\(plans.joined(separator: ", "))); name one with --plan DIR or run the command inside its folder"
            ]
        case .notFound(let directory):
            [
                "\(directory): no plan.json here; create one with 'stickprov plan init --plan \(directory)' or name it with --plan DIR"
            ]
        case .unreadable(let path, let reason):
            ["\(path): cannot read: \(reason)"]
        case .malformedJSON(let path, let line, let detail):
            ["\(path)\(line.map { ":\($0)" } ?? ""): \(detail)"]
        case .invalid(let path, let issues):
            issues.map { "\(path): \($0)" }
        case .alreadyExists(let path):
            ["\(path): a plan already exists here; nothing was changed"]
        case .insidePlan(let path, let enclosing):
            [
                "\(path): this folder is inside the plan folder \(enclosing) (it has a plan.json), and a plan inside a plan "
                    + "would mix its files with that plan's record; make the new plan beside it, e.g. in "
                    + "\(PlanFolder.parent(of: enclosing) ?? ".")/; nothing was changed"
            ]
        case .writeFailed(let path, let reason):
            ["\(path): cannot write: \(reason)"]
        case .unknownRisk(let id, let known):
            [
                "no risk '\(id)' in the plan (risks: \(known.isEmpty ? "none yet" : known.map(\.rawValue).joined(separator: ", ")))"
            ]
        case .unknownControl(let id, let known):
            [
                "no control point '\(id)' in the plan (control points: \(known.isEmpty ? "none yet" : known.map(\.rawValue).joined(separator: ", ")))"
            ]
        case .unknownID(let id):
            ["no risk or control point '\(id)' in the plan"]
        case .riskHasControls(let id, let controls):
            [
                "risk '\(id)' has control points \(controls.map(\.rawValue).joined(separator: ", ")); remove them first or add --with-controls"
            ]
        case .unknownSignal(let words, let known):
            ["no signal '\(words)' in the plan's scale (signals: \(known.joined(separator: ", ")))"]
        case .signalInUse(let id, let count):
            [
                "signal '\(id)' is the assessment of \(count) \(count == 1 ? "control" : "controls") in the journal; reword it with 'plan signal edit \(id) --label TEXT' instead"
            ]
        case .signalPosition(let position, let count):
            ["position \(position) is outside the scale (1–\(count))"]
        case .position(let position, let count):
            ["position \(position) is outside 1–\(count)"]
        case .missingStrata(let id, let column, let missing):
            missing.map { found in
                "control point '\(id)': no stratum '\(found.stratum)' in the population's column '\(column)'"
                    + (found.nearest.isEmpty
                        ? "" : " (nearest: \(found.nearest.map { "'\($0)'" }.joined(separator: ", ")))")
                    + "; correct the rule, or draw with an empty part for it with --confirm-missing-strata"
            }
        case .notInList(let entry, let list, let name):
            [
                "no \(name) '\(entry)' to remove (\(name)s: \(list.isEmpty ? "none" : list.map { "'\($0)'" }.joined(separator: ", ")))"
            ]
        case .noSampleRule(let id):
            [
                "control point '\(id)' has no sample rule to carry columns with; give --count, --percent, --stratum-rule or --log-check-users too"
            ]
        case .rejectedChange(let issues):
            issues.map { "the change would make the plan invalid: \($0)" }
        case .hidesAssessments(let hidden):
            hidden.map { "the change would take the assessment of \($0.name) out of every report: \($0.because())" }
                + [
                    "nothing was changed; make the change with --force to record in the journal that \(hidden.count == 1 ? "this assessment no longer holds" : "these assessments no longer hold") (the appendix says so in \(hidden.count == 1 ? "its" : "their") place)"
                ]
        case .assessmentsNotShown(let hidden):
            hidden.map {
                "the journal's assessment of \($0.name) is in no report of this plan: \($0.because(isChange: false)); put the earlier plan.json back, then make the change with the CLI and --force, which records that it no longer holds"
            }
        case .namedInJournal(let what, let uses, let added):
            added
                ? [
                    "\(what): the journal names it (\(uses.joined(separator: ", "))) for a control point or risk no longer in the plan; its results would be read as this one's: choose another id"
                ]
                : [
                    "\(what): the journal names it (\(uses.joined(separator: ", "))) and keeps its id for good; renamed or removed, its results would drop out of status and the appendix or count for another point: change its text with 'plan edit' instead"
                ]
        }
    }
}
