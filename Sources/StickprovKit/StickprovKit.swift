/// Stickprov: internal control (internkontroll) for Swedish municipal committees.
public enum Stickprov {
    /// The tool's version, printed by `stickprov --version`.
    public static let version = "0.1.0"
}
