/// A QR Code (Model 2) symbol holding UTF-8 text in byte mode.
///
/// The symbol is computed once in `init` and is immutable afterwards, so a
/// value can be rendered from any task or cached and shared freely.
public struct QRCode: Sendable, Equatable {
    /// Symbol version, 1–40; the smallest one that holds the text.
    public let version: Int
    public let errorCorrection: ErrorCorrection
    /// The mask pattern (0–7) that scored the lowest penalty.
    public let mask: Int
    /// Width and height in modules, without the quiet zone.
    public let size: Int

    // Row-major, `true` = dark. A flat array keeps the whole symbol in one
    // allocation, which matters when rendering scales every module up.
    private let modules: [Bool]

    /// Encodes `text` as UTF-8 bytes.
    ///
    /// - Throws: `QRCode.EncodingError.dataTooLong` when the text needs more
    ///   than the largest (version 40) symbol holds at this error-correction level.
    public init(text: String, errorCorrection: ErrorCorrection = .medium) throws {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    init(bytes: [UInt8], errorCorrection: ErrorCorrection) throws {
        let encoded = try QRCode.encode(bytes, errorCorrection: errorCorrection)
        var matrix = QRMatrix(version: encoded.version)
        matrix.placeData(encoded.codewords)
        let best = matrix.applyingBestMask(errorCorrection: errorCorrection)

        self.version = encoded.version.number
        self.errorCorrection = errorCorrection
        self.mask = best.mask.rawValue
        self.size = best.matrix.size
        self.modules = best.matrix.modules
    }

    /// Whether the module at column `x`, row `y` is dark.
    ///
    /// Coordinates outside the symbol answer `false` (light), so renderers can
    /// walk the quiet zone with the same call instead of special-casing it.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}
