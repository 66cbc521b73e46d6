/// Spares: a spare is used only in its order (within its stratum) and only in the place of a
/// sampled item recorded as not reviewed, so a sample of three never counts more than three results.
extension Recording {
    /// The sampled item a spare's result stands in for (``OutcomeRecord/replaces``): the one named,
    /// else the one its earlier record named, else the first item of its stratum recorded as not
    /// reviewed with no spare reviewed in its place (``SampleSlots/Slot/isOpen(includingNotApplicable:)``).
    /// - Throws: ``RecordError/spareOutOfOrder(_:number:earlier:earlierNumber:draw:)`` when an earlier
    ///   spare of its stratum has no result; ``RecordError/nothingToReplace(_:number:stratum:draw:)``,
    ///   ``RecordError/cannotReplace(_:number:item:result:holder:draw:)``,
    ///   ``RecordError/notASampledItem(_:draw:)`` or ``RecordError/replacesOtherStratum(_:item:draw:)``.
    public static func replacedItem(
        by record: OutcomeRecord, in draw: DrawRecord, control: ControlID, state: YearState
    ) throws(RecordError) -> String {
        let view = draw.viewed(as: control)
        var results = state.results(of: view)
        guard let position = draw.spares.firstIndex(where: { $0.key == record.key }) else {
            throw .unknownItem(record.key, draw: draw.id)
        }
        let spare = draw.spares[position]
        let number = position + 1
        let earlier = results.removeValue(forKey: record.key)?.record
        if earlier == nil,
            let unused = draw.spares[..<position].indices.first(where: {
                draw.spares[$0].stratum == spare.stratum && results[draw.spares[$0].key] == nil
            })
        {
            throw .spareOutOfOrder(
                record.key, number: number, earlier: draw.spares[unused].key, earlierNumber: unused + 1, draw: draw.id)
        }
        let slots = SampleSlots(draw: view, results: results).slots
        if let named = record.replaces.map(Population.normalise) {
            guard let slot = slots.first(where: { $0.item.key == named }) else {
                throw .notASampledItem(named, draw: draw.id)
            }
            guard slot.item.stratum == spare.stratum else {
                throw .replacesOtherStratum(record.key, item: named, draw: draw.id)
            }
            guard slot.isOpen(includingNotApplicable: true) else {
                let holder = slot.countedSpare
                throw .cannotReplace(
                    record.key, number: number, item: named, result: slot.counted?.result,
                    holder: holder.map { "'\($0.item.key)' (Reserv \($0.number))" }, draw: draw.id)
            }
            return named
        }
        if let kept = earlier?.replaces { return kept }
        guard let slot = slots.first(where: { $0.item.stratum == spare.stratum && $0.isOpen() }) else {
            throw .nothingToReplace(record.key, number: number, stratum: spare.stratum, draw: draw.id)
        }
        return slot.item.key
    }
}
