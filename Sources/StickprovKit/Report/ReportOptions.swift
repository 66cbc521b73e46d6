/// Choices for one rendering of the appendix that are not the plan's to make: they depend on
/// where the appendix goes (the report's main text may already carry the summary and legend).
public struct ReportOptions: Sendable, Hashable {
    /// Which signal levels the legend lists.
    public var legend: LegendLevels
    /// Whether only the title and the table are written, without the committee line, the
    /// summary and the legend.
    public var isTableOnly: Bool

    /// Creates options; the defaults write everything and list every level.
    public init(legend: LegendLevels = .all, isTableOnly: Bool = false) {
        self.legend = legend
        self.isTableOnly = isTableOnly
    }
}
