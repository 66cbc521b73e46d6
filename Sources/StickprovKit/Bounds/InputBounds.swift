/// The limits on what the tool reads, in one place, so a hostile or mistaken input gets a
/// message instead of filling memory or the journal.
///
/// - A field of a CSV file (population, worksheet, officer list): at most 1 MB.
/// - A line of a plan-folder file (`journal.jsonl`): at most 16 MB.
/// - Populations, worksheets and other input files must be regular files (not a device such
///   as `/dev/zero`, a FIFO or a directory).
/// - A note, reason, result or actions text, or a plan text: at most 10,000 characters.
/// - A remark kind, unit, reviewer or other short name: at most 200 characters.
/// - Values from a file or another program are echoed in messages only up to 60 characters,
///   and lists (such as a header's columns) only up to 20 entries, then "… and N more".
public enum InputBounds {
    /// The largest count or size a plan or an option may give (a sample size, a number of users):
    /// far beyond any population, and far enough from the integers' limit that sums and products
    /// of counts never overflow.
    public static let maximumCount = 1_000_000_000
    /// The longest CSV field read, in bytes.
    public static let maximumFieldBytes = 1 << 20
    /// The longest line of a plan-folder file read, in bytes.
    public static let maximumLineBytes = 16 << 20
    /// The longest note, reason, assessment text or plan text, in characters.
    public static let maximumTextCharacters = 10_000
    /// The longest remark kind, unit, reviewer or other short name, in characters.
    public static let maximumNameCharacters = 200
    /// How much of a value from a file a message repeats, in characters.
    public static let echoCharacters = 60
    /// How many entries of a list a message repeats.
    public static let echoEntries = 20

    /// `text` cut to ``echoCharacters`` (with "…" when cut), control characters shown as `?`.
    public static func clip(_ text: String) -> String {
        let visible = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
        return visible.count <= echoCharacters ? visible : String(visible.prefix(echoCharacters)) + "…"
    }

    /// The entries clipped and joined by ", ", at most ``echoEntries`` of them, then
    /// "… and 199,990 more".
    public static func list(_ entries: [String]) -> String {
        let shown = entries.prefix(echoEntries).map(clip).joined(separator: ", ")
        let rest = entries.count - echoEntries
        return rest > 0 ? shown + " … and \(thousands(rest)) more" : shown
    }

    /// A byte count in megabytes with one decimal, rounded up so it never reads as within a bound
    /// it exceeds (`16.1`).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes.multipliedReportingOverflow(by: 10).partialValue + (1 << 20) - 1) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `199990` as `199,990` (CLI messages are English).
    static func thousands(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// Why `text` is too long for a field holding at most `limit` characters, or nil.
    public static func lengthProblem(_ text: String?, limit: Int) -> String? {
        guard let text, text.utf8.count > limit else { return nil }
        let count = text.count
        guard count > limit else { return nil }
        return "is \(thousands(count)) characters; at most \(thousands(limit))"
    }
}

extension InputBounds {
    /// Plan texts longer than their limit: remark kinds, responsible and labels at most
    /// ``maximumNameCharacters``, every other text at most ``maximumTextCharacters``.
    public static func issues(in plan: ControlPlan) -> [PlanIssue] {
        let shortKeys = [
            "remarkKinds", "responsible", "methodLabel", "cadenceLabel", "followUpLabel", "committee", "keyColumn",
            "stratumColumn",
        ]
        return PlanPersonalData.texts(in: plan).compactMap { place in
            let last = place.path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? ""
            let limit = shortKeys.contains(last) ? maximumNameCharacters : maximumTextCharacters
            if let problem = lengthProblem(place.text, limit: limit) {
                return PlanIssue(path: place.path, message: "\(problem) characters")
            }
            return VisibleText.problem(in: place.text, allowingLineBreaks: limit > maximumNameCharacters).map {
                PlanIssue(path: place.path, message: $0)
            }
        }
    }
}
