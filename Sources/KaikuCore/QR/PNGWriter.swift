/// Writes 1-bit grayscale PNG files (PNG spec, 2nd edition): the smallest
/// format that holds a black-and-white raster exactly.
enum PNGWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// - Parameter packedRows: one array per scanline, 8 pixels per byte with
    ///   the leftmost pixel in the most significant bit; 1 is white, 0 black.
    static func bilevel(width: Int, packedRows: [[UInt8]]) -> [UInt8] {
        let rowLength = (width + 7) / 8
        precondition(width > 0 && !packedRows.isEmpty, "a PNG needs at least one pixel")
        precondition(packedRows.allSatisfy { $0.count == rowLength }, "each row must be \(rowLength) bytes")

        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(packedRows.count))
        header += [1, 0, 0, 0, 0]  // bit depth 1, grayscale, deflate, adaptive filtering, no interlace

        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((rowLength + 1) * packedRows.count)
        for row in packedRows {
            // Filter type 0 (None): repeated rows already compress to almost
            // nothing as back-references, so predicting them gains little.
            scanlines.append(0)
            scanlines += row
        }

        var file = signature
        file += chunk("IHDR", header)
        file += chunk("IDAT", Zlib.compress(scanlines))
        file += chunk("IEND", [])
        return file
    }

    /// Length, type, data, then a CRC over type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4, "PNG chunk types are four ASCII letters")
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc.value)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
