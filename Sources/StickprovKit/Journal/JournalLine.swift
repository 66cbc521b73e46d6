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
        case .supersession(let record): return envelope(record)
        }
    }

    /// The fields every line has, without its data: enough to check the chain.
    static func decodeHeader(_ bytes: ArraySlice<UInt8>, line: Int) throws(JournalError) -> (
        sequence: Int, prev: String, type: String
    ) {
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

    /// A whole line read in one pass: the header's fields and the data decoded as its `type` says.
    private struct Line: Decodable {
        var actor: String
        var prev: String
        var seq: Int
        var time: String
        var payload: JournalPayload

        enum Keys: String, CodingKey { case actor, data, prev, seq, time, type }

        /// An unknown `type`, reported as ``JournalError/unknownEventType(line:type:)``.
        struct UnknownType: Error { var type: String }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            actor = try container.decode(String.self, forKey: .actor)
            prev = try container.decode(String.self, forKey: .prev)
            seq = try container.decode(Int.self, forKey: .seq)
            time = try container.decode(String.self, forKey: .time)
            let type = try container.decode(String.self, forKey: .type)
            func data<D: Decodable>(_ kind: D.Type) throws -> D { try container.decode(kind, forKey: .data) }
            switch type {
            case "draw": payload = .draw(try data(DrawRecord.self))
            case "outcome": payload = .outcome(try data(OutcomeRecord.self))
            case "correction": payload = .correction(try data(OutcomeRecord.self))
            case "measurement": payload = .measurement(try data(MeasurementRecord.self))
            case "assessment": payload = .assessment(try data(AssessmentRecord.self))
            case "repair": payload = .repair(try data(RepairRecord.self))
            case "provider": payload = .provider(try data(ProviderRecord.self))
            case "adoption": payload = .adoption(try data(AdoptionRecord.self))
            case "amendment": payload = .amendment(try data(AmendmentRecord.self))
            case "supersession": payload = .supersession(try data(SupersessionRecord.self))
            default: throw UnknownType(type: type)
            }
        }
    }

    /// Decodes one line (a plain outcome and a large draw's items by ``JournalLineReader``, anything else in a single pass of the
    /// JSON decoder); `prev` is checked by the caller.
    static func decode(_ bytes: ArraySlice<UInt8>, line: Int) throws(JournalError) -> (
        event: JournalEvent, prev: String
    ) {
        let decoded = try decode(bytes, line: line, auditing: false)
        return (decoded.event, decoded.prev)
    }

    /// As ``decode(_:line:)``, with the line's duplicate keys and unknown fields (``JournalAudit/form(of:decodedAs:)``).
    /// A line the fast reader reads whole has neither (it gives up on both), so only the rest is looked at: the
    /// other lines, and a draw's line without its items (which the fast reader read strictly).
    static func decodeAudited(_ bytes: ArraySlice<UInt8>, line: Int) throws(JournalError) -> (
        event: JournalEvent, prev: String, form: [String]
    ) {
        try decode(bytes, line: line, auditing: true)
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, line: Int, auditing: Bool) throws(JournalError) -> (
        event: JournalEvent, prev: String, form: [String]
    ) {
        if let outcome = JournalLineReader.read(bytes) { return (outcome.event, outcome.prev, []) }
        // A draw's items (the bulk of its line) are read by hand, the rest by the decoder.
        // Anything odd falls through to decoding the whole line, which names the problem.
        if let draw = JournalLineReader.drawItems(bytes),
            let decoded = try? JSONDecoder().decode(Line.self, from: Data(draw.rest)),
            case .draw(var record) = decoded.payload
        {
            var form: [String] = []
            if auditing {
                let bare = JournalEvent(
                    sequence: decoded.seq, time: decoded.time, actor: decoded.actor, payload: .draw(record))
                form = JournalAudit.form(of: draw.rest[...], decodedAs: bare)
            }
            record.items = draw.items
            return (
                JournalEvent(sequence: decoded.seq, time: decoded.time, actor: decoded.actor, payload: .draw(record)),
                decoded.prev, form
            )
        }
        let decoded = try decodeByFoundation(bytes, line: line)
        return (decoded.event, decoded.prev, auditing ? JournalAudit.form(of: bytes, decodedAs: decoded.event) : [])
    }

    /// Decodes one line with `JSONDecoder` alone: what ``decode(_:line:)`` falls back to, and what tests
    /// compare ``JournalLineReader`` with.
    static func decodeByFoundation(_ bytes: ArraySlice<UInt8>, line: Int) throws(JournalError) -> (
        event: JournalEvent, prev: String
    ) {
        do {
            let decoded = try JSONDecoder().decode(Line.self, from: Data(bytes))
            let event = JournalEvent(
                sequence: decoded.seq, time: decoded.time, actor: decoded.actor, payload: decoded.payload)
            return (event, decoded.prev)
        } catch let unknown as Line.UnknownType {
            throw .unknownEventType(line: line, type: unknown.type)
        } catch {
            throw .malformedLine(line: line, detail: describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "'\(PlanIssue.path(context.codingPath + [key]))' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(PlanIssue.path(context.codingPath))' has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON" : "'\(PlanIssue.path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "not valid JSON"
        }
    }
}
