/// Geometry and capacity of one QR Code version (1–40), from ISO/IEC 18004.
struct QRVersion: Sendable, Equatable {
    static let range = 1...40

    let number: Int

    init(_ number: Int) {
        precondition(QRVersion.range.contains(number), "QR version \(number) is outside 1...40")
        self.number = number
    }

    var size: Int { number * 4 + 17 }

    /// Bits in the character-count field of a byte-mode segment.
    var byteModeCountBits: Int { number < 10 ? 8 : 16 }

    /// Centre coordinates of alignment patterns along each axis. The spec lists
    /// these in a table; the formula reproduces it (including the irregular
    /// spacing of version 32) without 40 rows of literals.
    var alignmentPatternPositions: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let step = (number * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        // Spaced evenly back from the far edge; only the first gap (after 6) may differ.
        let fromFarEdge = (0..<(count - 1)).map { size - 7 - $0 * step }
        return [6] + fromFarEdge.reversed()
    }

    /// Modules left for codewords once every function pattern is drawn,
    /// including the few remainder bits that do not make a whole codeword.
    var rawDataModules: Int {
        var result = (16 * number + 128) * number + 64
        if number >= 2 {
            let alignment = number / 7 + 2
            result -= (25 * alignment - 10) * alignment - 55
            if number >= 7 {
                result -= 36  // two 6×3 version information blocks
            }
        }
        return result
    }

    var totalCodewords: Int { rawDataModules / 8 }

    func errorCorrectionBlockCount(_ level: QRCode.ErrorCorrection) -> Int {
        QRVersion.blockCounts[level.tableIndex][number]
    }

    func errorCorrectionCodewordsPerBlock(_ level: QRCode.ErrorCorrection) -> Int {
        QRVersion.eccCodewordsPerBlock[level.tableIndex][number]
    }

    func dataCodewords(_ level: QRCode.ErrorCorrection) -> Int {
        totalCodewords - errorCorrectionBlockCount(level) * errorCorrectionCodewordsPerBlock(level)
    }

    // Table 9 of ISO/IEC 18004, rows L, M, Q, H, indexed by version; index 0 is unused.
    private static let eccCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    private static let blockCounts: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]
}
