/// What was read of one plan folder for a roll-up: the plan and its year, both verified, or
/// the problems that kept it out.
public struct RollupSource: Sendable {
    /// What the folder gave.
    public enum Content: Sendable {
        /// The plan and the year's journal folded, after every check passed.
        case plan(ControlPlan, YearState)
        /// What is wrong, as lines a user reads (`file:line: message`).
        case failure([String])
    }

    /// The plan folder, as given.
    public let folder: String
    /// What it gave.
    public let content: Content

    /// Creates a source from values already read.
    public init(folder: String, content: Content) {
        self.folder = folder
        self.content = content
    }

    /// Reads and verifies a plan folder: plan.json (every check of `plan validate`, and for an
    /// adopted plan the hash the journal last recorded) and the journal (every line's hash chain
    /// and journal.head). Problems become a failure, never an omission.
    public static func read(_ folder: String) -> RollupSource {
        let plan: ControlPlan
        do {
            plan = try PlanFile.load(from: folder)
        } catch {
            let messages = error.messages
            let prefixed = error.path == nil ? messages.map { "\(folder): \($0)" } : messages
            return RollupSource(folder: folder, content: .failure(prefixed))
        }
        let journal = Journal(planDirectory: folder)
        do {
            let events = try journal.read()
            let state = YearState(events: events)
            if let hash = PlanHash.ofFile(in: folder) {
                do {
                    try state.adoption.check(currentHash: hash)
                } catch {
                    return RollupSource(
                        folder: folder, content: .failure(["\(PlanFile.path(in: folder)): \(error.message)"]))
                }
            }
            return RollupSource(folder: folder, content: .plan(plan, state))
        } catch {
            let place = error.line.map { "\(journal.path):\($0)" } ?? journal.path
            return RollupSource(folder: folder, content: .failure(["\(place): \(error.message)"]))
        }
    }
}
