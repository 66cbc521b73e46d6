import Foundation

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
    /// Two headings of a sheet name the same column of Bilaga 2.
    case ambiguousColumn(String, headings: [String], line: Int)
    /// A filled-in column of a sheet that is none of Bilaga 2's: its heading (maybe empty), its
    /// 0-based index, and the lines where it holds text.
    case unreadColumn(String, column: Int, lines: [Int])
    /// "Nej" with the shortcomings column empty or saying nothing ("-", "inga"): the contract,
    /// the sheet's heading for the column and what it holds.
    case shortcomingsNotDescribed(contract: String, heading: String, text: String)
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

    /// The column letters of a 0-based index (A, B, … AA), as a spreadsheet shows them.
    static func columnName(_ index: Int) -> String { Workbook.columnName(index) }

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
        case .ambiguousColumn(let column, let headings, _):
            "the headings \(headings.map { "'\($0)'" }.joined(separator: " and ")) both name the column '\(column)'; rename or remove all but one"
        case .unreadColumn(let heading, let column, let lines):
            "column \(Self.columnName(column))\(heading.isEmpty ? " (no heading)" : " '\(InputBounds.clip(heading))'") is not one of Bilaga 2's, "
                + "but holds text on \(lines.count == 1 ? "line" : "lines") \(lines.prefix(InputBounds.echoEntries).map(String.init).joined(separator: ", "))"
                + "\(lines.count > InputBounds.echoEntries ? ", …" : ""); it would not be recorded: "
                + "name it as Bilaga 2 does (\(ContractFollowUp.columns.map { "'\($0)'" }.joined(separator: ", "))) or remove it"
        case .shortcomingsNotDescribed(let contract, let heading, let text):
            "'\(InputBounds.clip(contract))': the answer is Nej, so '\(InputBounds.clip(heading))' must describe the shortcomings"
                + (text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? ", but it is empty" : ", but it says '\(InputBounds.clip(text))'")
        case .repeatedContract(let contract, let first): "'\(contract)' is already on line \(first)"
        case .rows(let problems): problems.map { "line \($0.line): \($0.error.message)" }.joined(separator: "; ")
        case .nothingRecorded(let year):
            "no private-provider follow-ups are recorded for \(year); record them with 'stickprov provider record'"
        }
    }
}
