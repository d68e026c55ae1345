extension QRCode {
    struct EncodedData: Sendable {
        let version: QRVersion
        /// Data and error-correction codewords, already interleaved in the
        /// order they are placed in the symbol.
        let codewords: [UInt8]
    }

    /// The most bytes a byte-mode segment can carry at `level`.
    static func maximumByteCount(errorCorrection level: ErrorCorrection, declaresUTF8: Bool) -> Int {
        let largest = QRVersion(QRVersion.range.upperBound)
        return (largest.dataCodewords(level) * 8 - headerBits(largest, declaresUTF8: declaresUTF8)) / 8
    }

    /// Bits before the data bytes: an optional ECI segment, then the byte-mode
    /// indicator and character count.
    static func headerBits(_ version: QRVersion, declaresUTF8: Bool) -> Int {
        (declaresUTF8 ? 12 : 0) + 4 + version.byteModeCountBits
    }

    static func encode(_ bytes: [UInt8], errorCorrection level: ErrorCorrection) throws -> EncodedData {
        // Byte mode officially means ISO-8859-1, and decoders guess when the
        // bytes are not ASCII (zbar reads "ä" as Big5, for one). An ECI header
        // saying UTF-8 settles it; pure-ASCII text, such as URLs, goes without
        // it, since it is read the same either way and stays maximally compatible.
        let declaresUTF8 = bytes.contains { $0 >= 0x80 }
        guard let version = QRVersion.range.lazy.map(QRVersion.init).first(where: {
            headerBits($0, declaresUTF8: declaresUTF8) + bytes.count * 8 <= $0.dataCodewords(level) * 8
        }) else {
            throw EncodingError.dataTooLong(
                byteCount: bytes.count,
                maximumByteCount: maximumByteCount(errorCorrection: level, declaresUTF8: declaresUTF8),
                errorCorrection: level
            )
        }

        let capacityBits = version.dataCodewords(level) * 8
        var buffer = BitBuffer()
        if declaresUTF8 {
            buffer.append(0b0111, bitCount: 4)  // ECI mode
            buffer.append(26, bitCount: 8)  // ECI 26 = UTF-8; values below 128 take one byte
        }
        buffer.append(0b0100, bitCount: 4)  // byte mode
        buffer.append(bytes.count, bitCount: version.byteModeCountBits)
        for byte in bytes { buffer.append(Int(byte), bitCount: 8) }
        // Terminator of up to four zeros, then zero bits to a byte boundary.
        buffer.append(0, bitCount: min(4, capacityBits - buffer.count))
        buffer.append(0, bitCount: (8 - buffer.count % 8) % 8)

        var data = buffer.bytes
        // The spec's alternating pad bytes; all-zero padding would be legal
        // data but can form large uniform areas that scanners struggle with.
        for padIndex in 0..<(capacityBits / 8 - data.count) {
            data.append(padIndex.isMultiple(of: 2) ? 0xEC : 0x11)
        }
        return EncodedData(version: version, codewords: interleave(data, version: version, level: level))
    }

    /// Splits data into blocks, appends each block's EC codewords and
    /// interleaves them column-wise so a burst of damage is spread over blocks.
    static func interleave(_ data: [UInt8], version: QRVersion, level: ErrorCorrection) -> [UInt8] {
        let blockCount = version.errorCorrectionBlockCount(level)
        let eccLength = version.errorCorrectionCodewordsPerBlock(level)
        // When codewords do not split evenly, the last blocks get one more data codeword.
        let shortDataLength = data.count / blockCount
        let longBlockCount = data.count % blockCount
        let generator = ReedSolomon.generator(degree: eccLength)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for blockIndex in 0..<blockCount {
            let length = shortDataLength + (blockIndex >= blockCount - longBlockCount ? 1 : 0)
            let block = data[start..<(start + length)]
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(of: Array(block), generator: generator))
            start += length
        }

        var result: [UInt8] = []
        result.reserveCapacity(version.totalCodewords)
        for column in 0..<(shortDataLength + (longBlockCount > 0 ? 1 : 0)) {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<eccLength {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}
