extension QRCode {
    /// How many codewords may be damaged and still be recovered.
    public enum ErrorCorrection: String, Sendable, CaseIterable {
        /// About 7% recoverable.
        case low
        /// About 15% recoverable; a sensible default for printed codes.
        case medium
        /// About 25% recoverable.
        case quartile
        /// About 30% recoverable; use when the print may get scuffed or a logo is overlaid.
        case high

        /// The two-bit value stored in the format information. The standard's
        /// order (M=00, L=01, H=10, Q=11) is not the order of strength.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }

        /// Row index into the per-level tables in `QRVersion`.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }
    }
}
