/// How large a draw may be without the user confirming it: a draw's journal line grows with its
/// items, and every later command reads it.
public enum DrawBounds {
    /// Items (sample plus spares) a draw may hold without `--large`.
    public static let limit = 5_000

    /// Refuses a draw of more than ``limit`` items unless `large` confirms it.
    /// - Throws: ``DrawBoundsError``.
    public static func check(_ record: DrawRecord, large: Bool) throws(DrawBoundsError) {
        let count = record.items.count + record.spares.count
        if count > limit && !large { throw .tooLarge(count: count, limit: limit) }
    }
}

/// A draw larger than ``DrawBounds/limit`` without confirmation.
public enum DrawBoundsError: Error, Sendable, Equatable {
    /// The draw would hold `count` items (sample plus spares).
    case tooLarge(count: Int, limit: Int)

    /// The message, naming `--large`.
    public var message: String {
        switch self {
        case .tooLarge(let count, let limit):
            "the draw would hold \(count) items (sample plus spares), more than \(limit); give --large to confirm a draw this large. Nothing was recorded."
        }
    }
}
