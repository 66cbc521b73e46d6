import Foundation
import Testing

@testable import StickprovKit

/// Two writers without the folder's lock (as on a network share where it does not hold): the append
/// checks that the journal still ends where each writer read the year, so no draw number is given twice
/// and the chain never forks.
@Suite struct PlanFolderRaceTests {
    typealias Folder = JournalTests.Folder

    @Test func twoLocklessWritersNeverGiveANumberTwiceNorForkTheChain() throws {
        let folder = try Folder()
        try PlanFile.save(PlanFileTests.samplePlan(), to: folder.path)
        let perWriter = 40
        nonisolated(unsafe) var outcomes: [[Result<[JournalEvent], any Error>]] = [[], []]
        let lock = NSLock()
        let path = folder.path
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let planFolder = PlanFolder(at: path, locking: false)
            for _ in 0..<perWriter {
                let result = Result {
                    try planFolder.transact(time: JournalTests.time, actor: "skrivare \(writer)") { _, state in
                        // Numbered from the year read, as draw numbers are; a pause widens the race.
                        let number = state.draws.count + 1
                        usleep(500)
                        return [JournalTests.draw(number)]
                    }
                }
                lock.lock()
                outcomes[writer].append(result)
                lock.unlock()
            }
        }
        var appended = 0
        var refused = 0
        for result in outcomes.flatMap({ $0 }) {
            switch result {
            case .success(let events): appended += events.count
            case .failure(let error):
                // The only failure allowed: the clear refusal after re-reading did not help.
                guard case JournalError.anotherWriter = error else {
                    Issue.record("unexpected: \(error)")
                    continue
                }
                refused += 1
            }
        }
        #expect(appended + refused == 2 * perWriter)
        let events = try folder.journal.read()  // checks the whole chain and the head
        #expect(events.map(\.sequence) == Array(1...events.count), "never two lines with the same sequence")
        #expect(events.count == appended)
        let ids = events.compactMap { event -> String? in
            if case .draw(let record) = event.payload { return record.id.rawValue }
            return nil
        }
        #expect(ids == (1...appended).map { "K1-\($0)" }, "every number once, in order")
        print("lockless writers: \(appended) appended, \(refused) refused as another writer got there first")
    }

    /// A draw decides its rule from the plan before the lock (while the population is read); if the
    /// plan is edited meanwhile, the transaction refuses rather than record with the rule of a moment
    /// before, and records nothing. Unchanged points pass.
    @Test func aControlPointEditedBetweenReadingAndRecordingIsRefused() throws {
        let folder = try Folder()
        let planFolder = PlanFolder(at: folder.path)
        try PlanFile.save(PlanFileTests.samplePlan(), to: folder.path)
        let read = try #require(try planFolder.plan().control("K2"))
        try planFolder.transact(time: JournalTests.time, actor: "a") { plan, _ in
            try planFolder.checkUnchanged([read], in: plan)
            return [JournalTests.draw(1)]
        }
        var edited = try planFolder.plan()
        try edited.updateControl("K2") { $0.responsible = "Någon annan" }
        try PlanFile.save(edited, to: folder.path)
        #expect(throws: PlanFolderError.planChanged(path: folder.path + "/plan.json", controls: ["K2"])) {
            try planFolder.transact(time: JournalTests.time, actor: "a") { plan, _ in
                try planFolder.checkUnchanged([read], in: plan)
                return [JournalTests.draw(2)]
            }
        }
        #expect(try planFolder.events().count == 1)
    }
}
