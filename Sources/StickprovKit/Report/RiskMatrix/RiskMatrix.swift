/// The risk analysis behind a plan as a document: the 4×4 matrix of probability × consequence
/// with each risk's number in its cell, what became of each risk, and the sentences committees
/// write about the analysis. Built from the plan alone.
public struct RiskMatrix: Sendable, Equatable {
    /// One risk of the analysis.
    public struct Entry: Sendable, Equatable {
        /// Its number in the matrix, from 1, in the plan's order.
        public let number: Int
        /// The risk's id (not printed; for messages and tests).
        public let id: RiskID
        /// *Identifierad risk*.
        public let text: String
        /// Probability × consequence, when scored.
        public let score: RiskScore?
        /// What the analysis decided, when it did.
        public let handling: RiskHandling?
        /// The texts of the risk's control points.
        public let controls: [String]

        /// The band of the risk value, when scored.
        public var level: RiskLevel? { score.map { RiskLevel(value: $0.value) } }

        /// *Hantering*: "Internkontrollpunkt", "Mål för nämnden", "Annat", or "Ej beslutad".
        public var handlingLabel: String {
            switch handling?.kind {
            case .controlPoints: controls.count == 1 ? "Internkontrollpunkt" : "Internkontrollpunkter"
            case .goal: "Mål för nämnden"
            case .elsewhere: "Annat"
            case nil: "Ej beslutad"
            }
        }

        /// What became of the risk, in words: the control points, the goal, or where it is handled.
        public var handlingDetail: String {
            switch handling?.kind {
            case .controlPoints:
                controls.isEmpty ? "Inga kontrollpunkter i planen ännu" : controls.joined(separator: "; ")
            case .goal: handling?.text ?? ""
            case .elsewhere: handling?.text.map { "Inom ramen för \($0)" } ?? ""
            case nil: ""
            }
        }
    }

    /// The committee.
    public let committee: String
    /// The plan year.
    public let year: Int
    /// "Risk- och väsentlighetsanalys 2023".
    public let title: String
    /// The sentences about the analysis, for the report's text.
    public let summary: String
    /// Every risk of the plan, numbered.
    public let entries: [Entry]

    /// The numbers of the risks in a cell.
    public func numbers(probability: Int, consequence: Int) -> [Int] {
        entries.filter { $0.score?.probability == probability && $0.score?.consequence == consequence }.map(\.number)
    }

    /// Builds the matrix for a plan.
    /// - Throws: ``ReportError/personalData(place:field:masked:)`` when a printed text holds
    ///   something shaped like a personnummer (the document is public).
    public static func build(plan: ControlPlan) throws(ReportError) -> RiskMatrix {
        let entries = plan.risks.enumerated().map { index, risk in
            Entry(
                number: index + 1, id: risk.id, text: risk.text, score: risk.score, handling: risk.effectiveHandling,
                controls: risk.controls.map(\.text))
        }
        for entry in entries {
            for (field, text) in [("Identifierad risk", entry.text), ("handling", entry.handling?.text ?? "")] {
                if let match = PersonalIdentityNumber.find(in: text).first {
                    throw .personalData(place: "risk \(entry.id)", field: field, masked: match.masked)
                }
            }
        }
        if let match = PersonalIdentityNumber.find(in: plan.committee).first {
            throw .personalData(place: "the plan", field: "committee", masked: match.masked)
        }
        return RiskMatrix(
            committee: plan.committee, year: plan.year, title: "Risk- och väsentlighetsanalys \(plan.year)",
            summary: summary(plan: plan, entries: entries), entries: entries)
    }

    /// "Utifrån Socialnämndens risk- och väsentlighetsanalys togs 2023 års internkontrollpunkter fram
    /// med uppföljning vid del- och årsbokslut. …"
    static func summary(plan: ControlPlan, entries: [Entry]) -> String {
        var sentences: [String] = []
        let followUps = Set(plan.controlPoints.map(\.control.followUp))
        if !followUps.isEmpty {
            let when =
                followUps == [.interim]
                ? "delårsbokslut" : followUps == [.yearEnd] ? "årsbokslut" : "del- och årsbokslut"
            sentences.append(
                "Utifrån \(genitive(plan.committee)) risk- och väsentlighetsanalys togs \(plan.year) års internkontrollpunkter fram med uppföljning vid \(when)."
            )
        }
        func count(_ kind: RiskHandling.Kind) -> Int { entries.filter { $0.handling?.kind == kind }.count }
        let total = entries.count
        if total > 0 {
            // "…, varav två hanterades med internkontrollpunkter och en som mål för nämnden."
            let parts = [(count(.controlPoints), "med internkontrollpunkter"), (count(.goal), "som mål för nämnden")]
                .filter { $0.0 > 0 }.enumerated()
                .map { index, part in "\(SwedishNumber.word(part.0)) \(index == 0 ? "hanterades " : "")\(part.1)" }
            let risks = total == 1 ? "en risk" : "\(SwedishNumber.word(total)) risker"
            sentences.append(
                "Analysen identifierade \(risks)\(parts.isEmpty ? "" : ", varav " + SwedishText.list(parts)).")
        }
        let elsewhere = entries.filter { $0.handling?.kind == .elsewhere }
        if !elsewhere.isEmpty {
            let places = Dictionary(grouping: elsewhere) { $0.handling?.text ?? "" }
            let subject =
                elsewhere.count == 1
                ? "Den risk som inte hanterades som mål för nämnden eller internkontrollpunkt"
                : "De risker som inte hanterades som mål för nämnden eller internkontrollpunkter"
            let texts = elsewhere.map { $0.handling?.text ?? "" }
            let ordered = texts.enumerated().filter { texts.firstIndex(of: $0.element) == $0.offset }.map(\.element)
            let placement: String
            if places.count == 1 {
                placement = ordered[0].isEmpty ? "på annat sätt" : "inom ramen för \(ordered[0])"
            } else {
                placement =
                    "inom ramen för "
                    + SwedishText.list(
                        ordered.map { place in
                            let numbers = (places[place] ?? []).map { String($0.number) }
                            let label = numbers.count == 1 ? "risk \(numbers[0])" : "risk \(SwedishText.list(numbers))"
                            return "\(place.isEmpty ? "annat" : place) (\(label))"
                        })
            }
            sentences.append("\(subject) har omhändertagits \(placement).")
        }
        let undecided = entries.filter { $0.handling == nil }
        if !undecided.isEmpty {
            let numbers = SwedishText.list(undecided.map { String($0.number) })
            sentences.append(
                undecided.count == 1
                    ? "För risk \(numbers) finns ännu inget beslut om hantering."
                    : "För riskerna \(numbers) finns ännu inget beslut om hantering.")
        }
        let unscored = entries.filter { $0.score == nil }
        if !unscored.isEmpty {
            let numbers = SwedishText.list(unscored.map { String($0.number) })
            sentences.append(
                unscored.count == 1
                    ? "Risk \(numbers) saknar bedömning av sannolikhet och konsekvens och visas inte i matrisen."
                    : "Riskerna \(numbers) saknar bedömning av sannolikhet och konsekvens och visas inte i matrisen.")
        }
        return sentences.joined(separator: " ")
    }

    /// "Socialnämnden" → "Socialnämndens"; a name ending in s, x or z takes no extra s.
    static func genitive(_ name: String) -> String {
        guard let last = name.last?.lowercased() else { return name }
        return ["s", "x", "z"].contains(last) ? name : name + "s"
    }
}
