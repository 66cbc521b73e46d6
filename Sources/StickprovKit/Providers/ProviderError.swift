/// Why a private-provider follow-up cannot be recorded or reported. Nothing is recorded when one is thrown.
public enum ProviderError: Error, Sendable, Equatable {
    /// A required text is empty; the value is the column's heading.
    case emptyField(String)
    /// "Nej" without the shortcomings described.
    case shortcomingsRequired(contract: String)
    /// The answer to "Har leverantören i huvudsak uppfyllt väsentliga mål och krav?" is not Ja or Nej.
    case unknownAnswer(String)
    /// A text holds something shaped like a personnummer.
    case personalData(field: String, masked: String)
    /// A worksheet column that is missing.
    case missingColumn(String, available: [String])
    /// The same contract twice in one worksheet.
    case repeatedContract(String, firstLine: Int)
    /// A worksheet with problems: every row's problem, by line.
    case rows([Problem])
    /// Nothing recorded for the year: there is no Bilaga 2 to write.
    case nothingRecorded(year: Int)

    /// One worksheet row's problem.
    public struct Problem: Sendable, Equatable {
        /// The 1-based line in the worksheet.
        public var line: Int
        /// The problem.
        public var error: ProviderError
    }

    /// The message a user reads.
    public var message: String {
        switch self {
        case .emptyField(let column): "'\(column)' is empty"
        case .shortcomingsRequired(let contract):
            "'\(contract)': the answer is Nej, so 'Om Nej, vilka brister har iakttagits?' must describe the shortcomings"
        case .unknownAnswer(let word): "'\(word)' is not Ja or Nej"
        case .personalData(let field, let masked):
            "\(field) holds what looks like a personnummer (\(masked)); personal data does not belong in the record or the appendix"
        case .missingColumn(let name, let available):
            "missing column '\(name)' (columns: \(available.joined(separator: ", ")))"
        case .repeatedContract(let contract, let first): "'\(contract)' is already on line \(first)"
        case .rows(let problems): problems.map { "line \($0.line): \($0.error.message)" }.joined(separator: "; ")
        case .nothingRecorded(let year):
            "no private-provider follow-ups are recorded for \(year); record them with 'stickprov provider record'"
        }
    }
}
