/// Why an adopted plan cannot be used as it is, or cannot be adopted.
public enum AdoptionError: Error, Sendable, Equatable {
    /// plan.json differs from the hash the journal last recorded for it: a change made outside the tool.
    case planChanged(expected: String, found: String, line: Int)
    /// plan.json is already the plan the journal pinned: nothing to record.
    case unchanged(hash: String)
    /// A text holds something shaped like a personnummer.
    case personalData(field: String, masked: String)
    /// An amendment of a plan that was never adopted.
    case notAdopted

    /// The message a user reads.
    public var message: String {
        switch self {
        case .planChanged(let expected, let found, let line):
            "differs from the adopted plan recorded on journal line \(line) (SHA-256 \(expected.prefix(12))…, now \(found.prefix(12))…): it was changed outside stickprov; put the adopted file back, or record the change with 'stickprov plan amend'"
        case .unchanged(let hash):
            "unchanged since its last recorded hash (SHA-256 \(hash.prefix(12))…); nothing to amend: edit plan.json by hand first"
        case .notAdopted:
            "the plan is not adopted; record the adoption with 'stickprov plan adopt'"
        case .personalData(let field, let masked):
            "\(field) holds what looks like a personnummer (\(masked)); personal data does not belong in the journal"
        }
    }
}
