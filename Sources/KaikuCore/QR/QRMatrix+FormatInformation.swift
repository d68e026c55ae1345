extension QRMatrix {
    /// The 15-bit format word: level and mask, protected by a BCH(15,5) code and
    /// XOR-ed with 0x5412 so it is never all-light.
    static func formatBits(errorCorrection: QRCode.ErrorCorrection, mask: QRMask) -> Int {
        let data = errorCorrection.formatBits << 3 | mask.rawValue
        var remainder = data
        for _ in 0..<10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18-bit version word (versions 7+): version number plus BCH(18,6) check bits.
    static func versionBits(_ version: QRVersion) -> Int {
        var remainder = version.number
        for _ in 0..<12 {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25)
        }
        return version.number << 12 | remainder
    }

    /// Writes both copies of the format word: one wrapped around the top-left
    /// finder, one split between the top-right and bottom-left finders.
    mutating func drawFormatInformation(errorCorrection: QRCode.ErrorCorrection, mask: QRMask) {
        let bits = QRMatrix.formatBits(errorCorrection: errorCorrection, mask: mask)
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }

        for index in 0...5 { setFunctionModule(x: 8, y: index, dark: bit(index)) }
        setFunctionModule(x: 8, y: 7, dark: bit(6))  // y = 6 is the timing line
        setFunctionModule(x: 8, y: 8, dark: bit(7))
        setFunctionModule(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 { setFunctionModule(x: 14 - index, y: 8, dark: bit(index)) }

        for index in 0..<8 { setFunctionModule(x: size - 1 - index, y: 8, dark: bit(index)) }
        for index in 8..<15 { setFunctionModule(x: 8, y: size - 15 + index, dark: bit(index)) }
        // The "dark module" beside the bottom-left finder is always dark.
        setFunctionModule(x: 8, y: size - 8, dark: true)
    }

    /// Two 6×3 copies of the version word, beside the top-right and
    /// bottom-left finders, so readers need not count modules to know the size.
    mutating func drawVersionInformation() {
        guard version.number >= 7 else { return }
        let bits = QRMatrix.versionBits(version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let along = index / 3
            let across = size - 11 + index % 3
            setFunctionModule(x: across, y: along, dark: dark)
            setFunctionModule(x: along, y: across, dark: dark)
        }
    }
}
