/// Placeholder; replaced by the parser.
public enum ArgumentsPlaceholder {}
