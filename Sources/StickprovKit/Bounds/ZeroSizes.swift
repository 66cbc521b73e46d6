/// Zero-size rules are refused everywhere, as `--size 0` is: a rule that draws nothing is a
/// mistake, and a draw of nothing would look like a control done.
extension StratumRule {
    /// Whether this rule draws nothing (`X=0`, `X=0%`).
    public var drawsNothing: Bool {
        switch size {
        case .count(let count): count < 1
        case .percent(let percent): percent.hundredths <= 0
        }
    }
}

extension SampleSize {
    /// What is wrong with a size that draws nothing, naming the part (`'X=0'`), or nil.
    public var zeroSizeProblem: String? {
        switch self {
        case .count(let count) where count < 1: "\(count) draws nothing; a sample size is at least 1"
        case .percent(let percent) where percent.hundredths <= 0: "\(percent) % draws nothing; a percentage is above 0"
        case .logCheck(let users) where users < 1: "\(users) users draws nothing; at least 1"
        case .strata(let rules):
            rules.first(where: \.drawsNothing).map { "'\($0.token)' draws nothing; each stratum's size is above 0" }
        default: nil
        }
    }
}
