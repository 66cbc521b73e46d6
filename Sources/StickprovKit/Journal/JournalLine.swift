import Foundation

/// Encodes events as journal lines and decodes them back.
///
/// A line is compact JSON with sorted keys: `{"actor":…,"data":{…},"prev":…,"seq":…,"time":…,"type":…}`.
/// `prev` is the lowercase hex SHA-256 of the previous line's bytes as stored (without its
/// newline); 64 zeros on the first line.
enum JournalLine {
    static let firstPrev = String(repeating: "0", count: 64)

    private struct Envelope<Data: Codable>: Codable {
        var actor: String
        var data: Data
        var prev: String
        var seq: Int
        var time: String
        var type: String
    }

    private struct Header: Decodable {
        var actor: String
        var prev: String
        var seq: Int
        var time: String
        var type: String
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The bytes of one line (without newline) for `payload`.
    static func encode(_ payload: JournalPayload, sequence: Int, time: String, actor: String, prev: String) -> [UInt8] {
        func envelope<D: Codable>(_ data: D) -> [UInt8] {
            let value = Envelope(actor: actor, data: data, prev: prev, seq: sequence, time: time, type: payload.type)
            // Encoding plain value types to JSON cannot fail.
            return Array((try? encoder.encode(value)) ?? Foundation.Data())
        }
        switch payload {
        case .draw(let record): return envelope(record)
        case .outcome(let record), .correction(let record): return envelope(record)
        case .measurement(let record): return envelope(record)
        case .assessment(let record): return envelope(record)
        case .repair(let record): return envelope(record)
        case .provider(let record): return envelope(record)
        case .adoption(let record): return envelope(record)
        case .amendment(let record): return envelope(record)
        }
    }

    /// The fields every line has, without its data: enough to check the chain.
    static func decodeHeader(_ bytes: ArraySlice<UInt8>, line: Int) throws(JournalError) -> (sequence: Int, prev: String, type: String) {
        let header = try header(Data(bytes), line: line)
        return (header.seq, header.prev, header.type)
    }

    private static func header(_ data: Data, line: Int) throws(JournalError) -> Header {
        do {
            return try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw .malformedLine(line: line, detail: describe(error))
        }
    }

    /// The `data` of one line as `D`; a line that does not decode names its line.
    private static func decodePayload<D: Codable>(_ type: D.Type, from data: Data, line: Int) throws(JournalError) -> D {
        do {
            return try JSONDecoder().decode(Envelope<D>.self, from: data).data
        } catch {
            throw .malformedLine(line: line, detail: describe(error))
        }
    }

    /// Decodes one line; `prev` is checked by the caller.
    static func decode(_ bytes: ArraySlice<UInt8>, line: Int) throws(JournalError) -> (event: JournalEvent, prev: String) {
        let data = Data(bytes)
        let header = try header(data, line: line)
        func payload<D: Codable>(_ type: D.Type) throws(JournalError) -> D {
            try decodePayload(type, from: data, line: line)
        }
        let decoded: JournalPayload
        switch header.type {
        case "draw": decoded = .draw(try payload(DrawRecord.self))
        case "outcome": decoded = .outcome(try payload(OutcomeRecord.self))
        case "correction": decoded = .correction(try payload(OutcomeRecord.self))
        case "measurement": decoded = .measurement(try payload(MeasurementRecord.self))
        case "assessment": decoded = .assessment(try payload(AssessmentRecord.self))
        case "repair": decoded = .repair(try payload(RepairRecord.self))
        case "provider": decoded = .provider(try payload(ProviderRecord.self))
        case "adoption": decoded = .adoption(try payload(AdoptionRecord.self))
        case "amendment": decoded = .amendment(try payload(AmendmentRecord.self))
        default: throw .unknownEventType(line: line, type: header.type)
        }
        let event = JournalEvent(sequence: header.seq, time: header.time, actor: header.actor, payload: decoded)
        return (event, header.prev)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "'\(PlanIssue.path(context.codingPath + [key]))' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(PlanIssue.path(context.codingPath))' has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "'\(PlanIssue.path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "not valid JSON"
        }
    }
}
