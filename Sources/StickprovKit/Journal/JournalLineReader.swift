/// Reads the journal's bulk without `JSONDecoder`: an item's outcome or correction, and a draw's items.
///
/// A year is mostly these, and Foundation's decoder takes about 10 µs a line and 4 µs a drawn item, which
/// made `status` and `report` cost seconds at 100,000 events. For an outcome this reader takes the exact
/// shape the tool writes (compact JSON, sorted keys: `{"actor":…,"data":{"draw":…,"isSpare":…,"key":…,
/// "result":…},"prev":…,"seq":…,"time":…,"type":"outcome"}` with the optional fields, a shared draw's
/// `control` among them) and gives up
/// (`nil`) on anything else: whitespace, a key it does not know or sees twice, criteria or an amount,
/// a value of another type, a day or result that does not parse. The caller then decodes the line
/// with `JSONDecoder`, which names the problem, so both paths give the same events. For a draw it reads
/// only the `items` array (key, stratum, carried columns) and leaves the rest of the line to the decoder.
enum JournalLineReader {
    /// The event and its `prev`, or `nil` when the line is not a plain outcome or correction.
    static func read(_ bytes: ArraySlice<UInt8>) -> (event: JournalEvent, prev: String)? {
        var scanner = Scanner(bytes: bytes)
        return scanner.line()
    }

    /// A draw line's items read here, and the line with `"items":[]` in their place for `JSONDecoder`;
    /// `nil` when the line is not a draw or an item has anything but a key, a stratum and carried columns.
    static func drawItems(_ bytes: ArraySlice<UInt8>) -> (items: [DrawnItem], rest: [UInt8])? {
        var scanner = Scanner(bytes: bytes)
        return scanner.drawLine()
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        mutating func line() -> (event: JournalEvent, prev: String)? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var actor: String?
            var prev: String?
            var seq: Int?
            var time: String?
            var type: String?
            var record: OutcomeRecord?
            var first = true
            while !take(UInt8(ascii: "}")) {
                guard first || take(UInt8(ascii: ",")), let key = string() else { return nil }
                first = false
                guard take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "actor" where actor == nil: actor = string()
                case "prev" where prev == nil: prev = string()
                case "seq" where seq == nil: seq = integer()
                case "time" where time == nil: time = string()
                case "type" where type == nil: type = string()
                case "data" where record == nil: record = outcome()
                default: return nil
                }
            }
            guard index == bytes.endIndex, let actor, let prev, let seq, let time, let type, let record else {
                return nil
            }
            let payload: JournalPayload
            switch type {
            case "outcome": payload = .outcome(record)
            case "correction": payload = .correction(record)
            default: return nil
            }
            return (JournalEvent(sequence: seq, time: time, actor: actor, payload: payload), prev)
        }

        /// Walks a line to its `data.items`, reads them, and returns the line without them.
        mutating func drawLine() -> (items: [DrawnItem], rest: [UInt8])? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var found: (items: [DrawnItem], range: Range<Int>)?
            var first = true
            while !take(UInt8(ascii: "}")) {
                guard first || take(UInt8(ascii: ",")), let key = string(), take(UInt8(ascii: ":")) else { return nil }
                first = false
                if key == "data" {
                    guard found == nil, take(UInt8(ascii: "{")) else { return nil }
                    var firstField = true
                    while !take(UInt8(ascii: "}")) {
                        guard firstField || take(UInt8(ascii: ",")), let name = string(), take(UInt8(ascii: ":")) else {
                            return nil
                        }
                        firstField = false
                        if name == "items" {
                            let start = index
                            guard found == nil, let items = items() else { return nil }
                            found = (items, start..<index)
                        } else {
                            guard skipValue(depth: 0) else { return nil }
                        }
                    }
                } else {
                    guard skipValue(depth: 0) else { return nil }
                }
            }
            guard index == bytes.endIndex, let found else { return nil }
            let rest =
                Array(bytes[bytes.startIndex..<found.range.lowerBound]) + Array("[]".utf8)
                + Array(bytes[found.range.upperBound..<bytes.endIndex])
            return (found.items, rest)
        }

        /// An array of drawn items with a key, perhaps a stratum and carried columns (nothing else).
        mutating func items() -> [DrawnItem]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var result: [DrawnItem] = []
            var first = true
            while !take(UInt8(ascii: "]")) {
                guard first || take(UInt8(ascii: ",")), take(UInt8(ascii: "{")) else { return nil }
                first = false
                var key: String?
                var stratum: String?
                var carried: [String: String]?
                var firstField = true
                while !take(UInt8(ascii: "}")) {
                    guard firstField || take(UInt8(ascii: ",")), let name = string(), take(UInt8(ascii: ":")) else {
                        return nil
                    }
                    firstField = false
                    switch name {
                    case "key" where key == nil: key = string()
                    case "stratum" where stratum == nil:
                        guard let value = string() else { return nil }
                        stratum = value
                    case "carried" where carried == nil: carried = columns()
                    default: return nil
                    }
                }
                guard let key else { return nil }
                result.append(DrawnItem(key: key, stratum: stratum, carried: carried ?? [:]))
            }
            return result
        }

        /// An object of string values, as carried columns are.
        mutating func columns() -> [String: String]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var result: [String: String] = [:]
            var first = true
            while !take(UInt8(ascii: "}")) {
                guard first || take(UInt8(ascii: ",")), let name = string(), take(UInt8(ascii: ":")),
                    let value = string(),
                    result.updateValue(value, forKey: name) == nil
                else { return nil }
                first = false
            }
            return result
        }

        /// Skips one JSON value without reading it (strings checked for their end only); false on anything odd.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 64, index < bytes.endIndex else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                index += 1
                var first = true
                while !take(close) {
                    guard first || take(UInt8(ascii: ",")) else { return false }
                    first = false
                    if isObject { guard string() != nil, take(UInt8(ascii: ":")) else { return false } }
                    guard skipValue(depth: depth + 1) else { return false }
                }
                return true
            default:
                let start = index
                while index < bytes.endIndex, !",}]".utf8.contains(bytes[index]) { index += 1 }
                return index > start
            }
        }

        /// The `data` object of an outcome, with only the fields a plain result has.
        mutating func outcome() -> OutcomeRecord? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var draw: String?
            var key: String?
            var result: ReviewResult?
            var isSpare: Bool?
            var remarkKind: String?
            var note: String?
            var reviewer: String?
            var reviewedOn: Day?
            var supersedes: Int?
            var control: String?
            var replaces: String?
            let names = [
                "draw", "key", "result", "isSpare", "remarkKind", "note", "reviewer", "reviewedOn", "supersedes",
                "control", "replaces",
            ]
            var seen: UInt16 = 0
            var first = true
            while !take(UInt8(ascii: "}")) {
                guard first || take(UInt8(ascii: ",")), let name = string(), let bit = names.firstIndex(of: name),
                    seen & (1 << bit) == 0, take(UInt8(ascii: ":"))
                else { return nil }
                seen |= 1 << bit
                first = false
                switch name {
                case "draw": draw = string()
                case "key": key = string()
                case "result": result = string().flatMap(ReviewResult.init(rawValue:))
                case "isSpare": isSpare = boolean()
                case "remarkKind": remarkKind = string()
                case "note": note = string()
                case "reviewer": reviewer = string()
                case "reviewedOn": reviewedOn = string().flatMap(day)
                case "supersedes": supersedes = integer()
                case "control": control = string()
                case "replaces": replaces = string()
                default: return nil
                }
                if (name == "remarkKind" && remarkKind == nil) || (name == "note" && note == nil)
                    || (name == "reviewer" && reviewer == nil) || (name == "reviewedOn" && reviewedOn == nil)
                    || (name == "supersedes" && supersedes == nil) || (name == "control" && control == nil)
                    || (name == "replaces" && replaces == nil)
                {
                    return nil
                }
            }
            guard let draw, let key, let result, let isSpare else { return nil }
            var record = OutcomeRecord(
                draw: DrawID(rawValue: draw), key: key, result: result, remarkKind: remarkKind, note: note,
                reviewer: reviewer, reviewedOn: reviewedOn, isSpare: isSpare, supersedes: supersedes)
            record.control = control.map(ControlID.init(rawValue:))
            record.replaces = replaces
            return record
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.endIndex, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A JSON string; escapes are decoded (a lone surrogate gives up).
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            // The common case: no escapes, so the bytes between the quotes are the string.
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    return validated(bytes[start..<index])
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { return nil }
                index += 1
            }
            var utf8 = Array(bytes[start..<index])
            while index < bytes.endIndex {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return validated(utf8[...])
                case UInt8(ascii: "\\"):
                    guard index < bytes.endIndex else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(),
                                (0xDC00..<0xE000).contains(low)
                            else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let value = Unicode.Scalar(scalar) else { return nil }
                        utf8 += Array(String(Character(value)).utf8)
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    utf8.append(byte)
                }
            }
            return nil
        }

        /// A day `YYYY-MM-DD`, read from its digits when it has that form, else as ``Day/init(_:)`` reads it.
        func day(_ text: String) -> Day? {
            let utf8 = Array(text.utf8)
            guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return Day(text) }
            var parts = [0, 0, 0]
            for (offset, part) in [(0, 0), (1, 0), (2, 0), (3, 0), (5, 1), (6, 1), (8, 2), (9, 2)] {
                let byte = utf8[offset]
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return Day(text) }
                parts[part] = parts[part] * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return Day(year: parts[0], month: parts[1], day: parts[2])
        }

        /// The UTF-8 bytes as a string, or `nil` when they are not valid UTF-8 (decoding would repair them).
        func validated(_ utf8: ArraySlice<UInt8>) -> String? {
            let text = String(decoding: utf8, as: UTF8.self)
            if utf8.allSatisfy({ $0 < 0x80 }) { return text }
            return text.utf8.elementsEqual(utf8) ? text : nil
        }

        mutating func hex4() -> UInt32? {
            guard bytes.endIndex - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                index += 1
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        /// A non-negative integer without sign, fraction or exponent (at most 18 digits).
        mutating func integer() -> Int? {
            let start = index
            var value = 0
            while index < bytes.endIndex, index - start < 18,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
            {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start,
                index == bytes.endIndex || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]),
                index < bytes.endIndex,
                ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]),
                !(bytes[start] == UInt8(ascii: "0") && index - start > 1)
            else { return nil }
            return value
        }

        mutating func boolean() -> Bool? {
            if bytes[index...].starts(with: Array("true".utf8)) {
                index += 4
                return true
            }
            if bytes[index...].starts(with: Array("false".utf8)) {
                index += 5
                return false
            }
            return nil
        }
    }
}
