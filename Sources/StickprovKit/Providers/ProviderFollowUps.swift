import Foundation

/// The year's private-provider follow-ups as they stand: the latest record of each contract,
/// in the order the contracts were first recorded, and the latest comment.
public struct ProviderFollowUps: Sendable, Equatable {
    /// The follow-ups, one per contract.
    public private(set) var contracts: [ContractFollowUp] = []
    /// The comment on the follow-up as a whole, if any.
    public private(set) var comment: String?

    /// Folds records in journal order.
    public init(_ records: [ProviderRecord]) {
        for record in records { apply(record) }
    }

    /// Adds one record: a contract recorded again replaces its earlier follow-up in place.
    public mutating func apply(_ record: ProviderRecord) {
        switch record {
        case .followUp(let followUp):
            if let index = contracts.firstIndex(where: { Self.sameContract($0.contract, followUp.contract) }) {
                contracts[index] = followUp
            } else {
                contracts.append(followUp)
            }
        case .comment(let text):
            comment = text
        }
    }

    /// Contracts are the same when their names agree ignoring case.
    static func sameContract(_ a: String, _ b: String) -> Bool {
        a.precomposedStringWithCanonicalMapping.lowercased() == b.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The records that would change what stands: a follow-up or comment identical to the
    /// current one is left out, so importing the same sheet twice records nothing the second time.
    public func changes(_ records: [ProviderRecord]) -> [ProviderRecord] {
        var working = self
        var result: [ProviderRecord] = []
        for record in records {
            let before = working
            working.apply(record)
            if working.undated != before.undated { result.append(record) }
        }
        return result
    }

    /// What stands without the follow-ups' days: a row recorded again with another day says nothing new.
    var undated: ProviderFollowUps {
        var copy = self
        copy.contracts = contracts.map { followUp in
            var followUp = followUp
            followUp.date = nil
            return followUp
        }
        return copy
    }

    /// Whether nothing has been recorded.
    public var isEmpty: Bool { contracts.isEmpty && comment == nil }
}
