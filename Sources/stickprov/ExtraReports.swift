import Arguments
import Foundation
import StickprovKit

/// The documents `report` writes besides Bilaga 1: Bilaga 2 (`--appendix 2`) and the risk matrix (`--risk-matrix`).
enum ExtraReports {
    /// A rendered document and its title for the message.
    struct Document {
        let title: String
        let bytes: [UInt8]
    }

    /// The document the options ask for, or nil for Bilaga 1.
    static func document(_ arguments: ParsedArguments, plan: ControlPlan, state: YearState, format: String) throws
        -> Document?
    {
        if arguments.has("risk-matrix") {
            if arguments.isGiven("appendix") || arguments.has("summary") || arguments.isGiven("point") {
                throw UsageError(
                    "--risk-matrix shows the plan's risk analysis; it takes no --appendix, --summary or --point")
            }
            let matrix: RiskMatrix
            do {
                matrix = try RiskMatrix.build(plan: plan)
            } catch {
                throw DataError("\(PlanFile.path(in: PlanCommands.folder(arguments))): \(error.message)")
            }
            switch format {
            case "html": return Document(title: matrix.title, bytes: Array(matrix.html().utf8))
            case "csv": return Document(title: matrix.title, bytes: matrix.csv())
            case "docx":
                return Document(
                    title: matrix.title, bytes: try wordFile(arguments) { () throws(ZipError) in try matrix.docx() })
            default: return Document(title: matrix.title, bytes: Array(matrix.markdown().utf8))
            }
        }
        guard let number = arguments.value("appendix") else { return nil }
        switch number {
        case "1": return nil
        case "2":
            if arguments.has("summary") {
                throw UsageError("--summary is for Bilaga 1; Bilaga 2 prints its own sentences")
            }
            if arguments.isGiven("point") { throw UsageError("Bilaga 2 covers the whole year; it takes no --point") }
            let appendix: ProviderAppendix
            do {
                appendix = try ProviderAppendix.build(plan: plan, state: state)
            } catch {
                throw DataError("\(Journal(planDirectory: PlanCommands.folder(arguments)).path): \(error.message)")
            }
            switch format {
            case "html": return Document(title: appendix.title, bytes: Array(appendix.html().utf8))
            case "csv": return Document(title: appendix.title, bytes: appendix.csv())
            case "docx":
                return Document(
                    title: appendix.title, bytes: try wordFile(arguments) { () throws(ZipError) in try appendix.docx() }
                )
            default: return Document(title: appendix.title, bytes: Array(appendix.markdown().utf8))
            }
        default:
            throw UsageError("--appendix '\(number)' is not 1 or 2")
        }
    }

    /// A Word file's bytes; a .docx is a file, never printed to the terminal.
    static func wordFile(_ arguments: ParsedArguments, _ make: () throws(ZipError) -> [UInt8]) throws -> [UInt8] {
        guard arguments.isGiven("out") else {
            throw UsageError("--format docx writes a Word file; give --out FILE.docx")
        }
        do {
            return try make()
        } catch {
            throw DataError("error: cannot pack the Word file: \(error)")
        }
    }

    /// Prints the document or writes it atomically to --out.
    static func write(_ document: Document, _ arguments: ParsedArguments, _ console: Console, format: String) throws {
        guard let out = arguments.value("out") else {
            console.out(String(decoding: document.bytes, as: UTF8.self))
            return
        }
        try AtomicFile.write(document.bytes, to: out)
        console.note("Wrote \(out) (\(document.title), \(format)).")
    }
}
