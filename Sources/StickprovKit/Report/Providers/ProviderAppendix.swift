/// *Bilaga 2. Uppföljning av privata utförare* as a document model: one row per contract
/// followed up during the year, and the committee's comment on the follow-up as a whole.
/// Built from the plan and the year's journal; the renderers lay it out (Markdown, HTML, CSV).
public struct ProviderAppendix: Sendable, Equatable {
    /// The committee, e.g. "Socialnämnden".
    public let committee: String
    /// The plan year.
    public let year: Int
    /// "Bilaga 2. Uppföljning av privata utförare 2023".
    public let title: String
    /// The generated sentences on how many contracts were followed up and how they went.
    public let summary: String
    /// One row per contract, in the order they were first recorded.
    public let rows: [ContractFollowUp]
    /// The comment on the follow-up as a whole, as paragraphs.
    public let comment: [Paragraph]

    /// The table's column headings.
    public static let columns = ContractFollowUp.columns

    /// Builds Bilaga 2 for the plan's year.
    /// - Throws: ``ProviderError/nothingRecorded(year:)`` when no contract is recorded, or
    ///   ``ProviderError/personalData(field:masked:)`` when a printed text holds something shaped
    ///   like a personnummer (the appendix is public).
    public static func build(plan: ControlPlan, state: YearState) throws(ProviderError) -> ProviderAppendix {
        let followUps = ProviderFollowUps(state.providerRecords)
        guard !followUps.contracts.isEmpty else { throw .nothingRecorded(year: plan.year) }
        for row in followUps.contracts { try row.check() }
        let comment = followUps.comment ?? ""
        for text in [plan.committee, comment] {
            if let match = PersonalIdentityNumber.find(in: text).first {
                throw .personalData(field: text == comment ? "Kommentar" : "committee", masked: match.masked)
            }
        }
        return ProviderAppendix(
            committee: plan.committee, year: plan.year, title: "Bilaga 2. Uppföljning av privata utförare \(plan.year)",
            summary: summary(followUps.contracts, year: plan.year), rows: followUps.contracts,
            comment: Paragraph.parse(comment))
    }

    /// "Under 2023 har nämnden följt upp två avtal med privata utförare. I ett av avtalen har
    /// leverantören inte i huvudsak uppfyllt väsentliga mål och krav: Hemtjänst, Omsorgshuset AB."
    static func summary(_ rows: [ContractFollowUp], year: Int) -> String {
        let total = rows.count
        let failed = rows.filter { !$0.isFulfilled }
        let lead = "Under \(year) har nämnden följt upp \(SwedishNumber.neuterWord(total)) avtal med privata utförare."
        let goal = "i huvudsak uppfyllt väsentliga mål och krav"
        if total == 1 {
            return lead + " Leverantören har \(failed.isEmpty ? "" : "inte ")\(goal)."
        }
        if failed.isEmpty {
            return lead + " I \(total == 2 ? "båda" : "samtliga") har leverantören \(goal)."
        }
        if failed.count == total {
            return lead + " I inget av avtalen har leverantören \(goal)."
        }
        let names = SwedishText.list(failed.map(\.contract))
        return lead + " I \(SwedishNumber.neuterWord(failed.count)) av avtalen har leverantören inte \(goal): \(names)."
    }
}
