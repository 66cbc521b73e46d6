/// Why the appendix cannot be generated. Nothing is written when one is thrown.
public enum ReportError: Error, Sendable, Equatable {
    /// A text that would go into the public appendix holds something shaped like a
    /// personnummer; `place` names the control point or risk and `field` the text.
    case personalData(place: String, field: String, masked: String)

    /// The message a user reads.
    public var message: String {
        switch self {
        case .personalData(let place, let field, let masked):
            "\(place), \(field): holds what looks like a personnummer (\(masked)); the appendix is public, remove it before reporting"
        }
    }
}
