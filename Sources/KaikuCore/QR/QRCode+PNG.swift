extension QRCode {
    /// The symbol as a 1-bit grayscale PNG: black modules on white.
    ///
    /// - Parameters:
    ///   - moduleSize: pixels per module side; values below 1 are treated as 1.
    ///   - border: quiet zone in modules on each side. Scanners expect 4; values
    ///     below 0 are treated as 0.
    public func png(moduleSize: Int = 8, border: Int = 4) -> [UInt8] {
        let moduleSize = max(1, moduleSize)
        let border = max(0, border)
        let modulesAcross = size + 2 * border
        let width = modulesAcross * moduleSize
        let rowLength = (width + 7) / 8

        var rows: [[UInt8]] = []
        rows.reserveCapacity(width)
        for moduleY in 0..<modulesAcross {
            // Start all white (bits set) and clear the dark pixels.
            var row = [UInt8](repeating: 0xFF, count: rowLength)
            for moduleX in 0..<modulesAcross where isDark(x: moduleX - border, y: moduleY - border) {
                for pixelX in (moduleX * moduleSize)..<((moduleX + 1) * moduleSize) {
                    row[pixelX >> 3] &= ~(0x80 >> UInt8(pixelX & 7))
                }
            }
            rows += repeatElement(row, count: moduleSize)
        }
        return PNGWriter.bilevel(width: width, packedRows: rows)
    }
}
