import StickprovKit

/// Turns library errors into the lines a user reads on standard error.
///
/// A message about a file starts with the file and its place (`plan.json: risks[0].id: …`,
/// `export.csv:12: …`); any other message starts with `error: `.
enum ErrorMessages {
    static func lines(for error: any Error) -> [String] {
        switch error {
        case let error as PlanError:
            return error.path == nil ? error.messages.map { "error: \($0)" } : error.messages
        case let error as DataError:
            return error.messages
        case let error as DrawError:
            return ["error: \(error.message)"]
        case let error as RecordError:
            return ["error: \(error.message)"]
        case let error as CSVError:
            return ["error: \(error.message)"]
        case let error as PlanFolderError:
            return [error.message]
        case let error as DrawBoundsError:
            return ["error: \(error.message)"]
        case let error as JournalError:
            if case .symbolicLink = error { return [error.message] }
            return ["error: \(error.message)"]
        case let error as OutputError:
            return [error.message]
        case let error as AtomicFile.WriteError:
            return ["\(error.path): cannot write: \(error.reason)"]
        default:
            return ["error: \(error)"]
        }
    }
}

/// Reads a sheet (.xlsx or CSV) for an import command; its problems name the file.
func readSheet(_ path: String) throws -> SheetTable {
    do {
        return try SheetTable.read(contentsOf: path)
    } catch let error as CSVError {
        throw DataError(describing: error, in: path)
    } catch let error as SpreadsheetError {
        throw DataError("\(path): \(error.message)")
    }
}

/// Reads a CSV file for a command; its problems become `file:line: message`.
func readCSV(_ path: String) throws -> CSVTable {
    do {
        return try CSVTable.read(contentsOf: path)
    } catch {
        throw DataError(describing: error, in: path)
    }
}

extension DataError {
    /// A CSV problem in `path` as the user reads it.
    init(describing error: CSVError, in path: String) {
        self.init(lines: [error.line.map { "\(path):\($0): \(error.message)" } ?? "\(path): \(error.message)"])
    }
}
