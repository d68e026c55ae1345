extension QRMatrix {
    /// Places codewords in the standard zigzag: two-module-wide columns from the
    /// right edge, alternating upward and downward, skipping function modules.
    /// Modules left over (the 0–7 remainder bits) stay light, as the spec asks.
    mutating func placeData(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            // Column 6 is the vertical timing line; the zigzag steps over it.
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunctionModule(x: x, y: y) && bitIndex < bitCount {
                    self[x, y] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
        assert(bitIndex == bitCount, "codewords do not match the version's capacity")
    }

    /// Flips data modules where `mask` says so. Applying the same mask twice
    /// restores the original, which `applyingBestMask` relies on to try each one.
    mutating func applyMask(_ mask: QRMask) {
        for y in 0..<size {
            for x in 0..<size where !isFunctionModule(x: x, y: y) && mask.inverts(x: x, y: y) {
                self[x, y].toggle()
            }
        }
    }

    /// Tries all eight masks with their format information and keeps the one
    /// with the lowest penalty; ties go to the lower mask number.
    func applyingBestMask(errorCorrection: QRCode.ErrorCorrection) -> (matrix: QRMatrix, mask: QRMask) {
        let candidates = QRMask.allCases.map { mask in
            var candidate = self
            candidate.applyMask(mask)
            // Format bits are part of the scored symbol, so they go in first.
            candidate.drawFormatInformation(errorCorrection: errorCorrection, mask: mask)
            return (matrix: candidate, mask: mask, penalty: candidate.penaltyScore())
        }
        // `min(by:)` keeps the first of equal elements, hence the tie rule.
        let best = candidates.min { $0.penalty < $1.penalty }!
        return (best.matrix, best.mask)
    }
}
