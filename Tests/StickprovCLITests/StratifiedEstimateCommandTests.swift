import Foundation
import Testing

/// `status` and the appendix give a stratified review the same stratum-weighted figures.
@Suite struct StratifiedEstimateCommandTests {
    @Test func statusAndTheAppendixGiveTheSameWeightedRate() throws {
        let plan = ["--plan", "Plans/socialnamnden-2023"]
        let status = try CLI.run(["status"] + plan)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(
            status.stdout.contains(
                """
                    Remark rate 45,1 % weighted by stratum size (N 62), 95 % upper bound 63,1 %
                      Placering vuxna: 9 of 10 with remarks, 90 % · N 18
                      Placering barn och unga: 4 of 15 with remarks, 26,7 % · N 44

                """), "\(status.stdout)")
        #expect(!status.stdout.contains("Remark rate 52"), "never the pooled 13 of 25")
        let report = try CLI.run(["report"] + plan)
        #expect(
            report.stdout.contains(
                "Viktat efter gruppernas storlek är andelen med anmärkning 45,1 procent (med 95 procents säkerhet högst 63,1 procent)."
            ))
        #expect(
            report.stdout.contains(
                "Placering barn och unga: 15 ärenden har granskats, varav elva utan anmärkning (73,3 procent)."))
    }
}
