import StickprovKit

/// `stickprov-bench sample [--keys N]`: drawing from a large population, as `stickprov sample` does.
///
/// Measures the two halves apart: reading the CSV export into a population (parse, NFC,
/// duplicate check) and drawing from it (one SHA-256 per key, bounded heap), for a
/// count of 25, a 5 % sample and a stratified draw.
enum SamplingBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var count = 1_000_000
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard option == "--keys", let value = rest.popFirst(), let n = Int(value), n > 0 else {
                printError("usage: stickprov-bench sample [--keys N]")
                return 2
            }
            count = n
        }
        var csv = "Ärendenummer;Handläggare;Beslutstyp;Belopp\r\n"
        csv.reserveCapacity(count * 40)
        let types = ["Hemtjänst SoL", "Särskilt boende SoL", "LSS", "Korttidsboende SoL"]
        for i in 0..<count {
            let kronor = (i &* 2_654_435_761) % 150_000
            csv += "SN-\(2023 - i % 5)-\(100_000 + i);Handläggare \(i % 300);\(types[i % 4]);\(kronor / 1000) \(String(kronor % 1000 + 1000).dropFirst()),\(i % 100)\r\n"
        }
        let bytes = Array(csv.utf8)
        let clock = ContinuousClock()
        var population: Population?
        let read = clock.measure {
            do {
                population = try Population(
                    CSVTable.parse(bytes), keyColumn: "Ärendenummer", stratumColumn: "Beslutstyp", amountColumn: "Belopp")
            } catch {
                printError("population failed: \(error)")
            }
        }
        guard let population else { return 1 }
        let megabytes = Double(bytes.count) / 1_048_576
        print(String(format: "sample: read %d keys (%.1f MB CSV) in %.3f s", count, megabytes, seconds(read)))
        guard let seed = try? Seed("Socialnämnden 2023 § 12") else { return 1 }
        let cases: [(String, SampleSize)] = [
            ("25 keys", .count(25)),
            ("5 %", .percent(Percentage(hundredths: 500))),
            ("stratified 5/10/25 %", .strata([
                StratumRule(stratum: "Hemtjänst SoL", size: .percent(Percentage(hundredths: 500))),
                StratumRule(stratum: "Särskilt boende SoL", size: .percent(Percentage(hundredths: 1000))),
                StratumRule(stratum: "LSS", size: .percent(Percentage(hundredths: 2500))),
            ])),
        ]
        for (name, size) in cases {
            var drawn = 0
            let time = clock.measure { drawn = Sample.draw(population, size: size, seed: seed).items.count }
            print(String(format: "sample: draw %@ of %d: %d items in %.3f s", name, count, drawn, seconds(time)))
        }
        var amountDrawn = 0
        let amounts = population.items.map { $0.amount ?? Amount(ore: 0) }
        let keys = population.keys
        let byAmount = clock.measure {
            amountDrawn = (try? AmountSampler.draw(
                keys: keys, amounts: amounts, seed: seed, count: 60, certainFrom: Amount(ore: 14_999_000)))
                .map { $0.certain.count + $0.drawn.count } ?? -1
        }
        print(String(format: "sample: draw 60 by amount (sha256-pps-v1, certain from 149 990 kr) of %d: %d items in %.3f s", count, amountDrawn, seconds(byAmount)))
        let fingerprint = clock.measure { _ = population.fingerprint }
        print(String(format: "sample: fingerprint of %d keys in %.3f s", count, seconds(fingerprint)))
        return 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
