import Foundation
import XCTest
@testable import KaikuCore

final class QRCodeTests: XCTestCase {
    // MARK: - Decoding with a real scanner

    func testShortURLDecodesWithZbar() throws {
        let url = "http://127.0.0.1:8080/t/hammas-keskusta"

        let code = try QRCode(text: url)

        XCTAssertEqual(try decodeWithZbar(code.png()), url)
    }

    func testUTF8TextWithScandinavianLettersDecodesWithZbar() throws {
        let text = "Hyvää päivää! Kävitkö hammaslääkärissä? Åbo, Göteborg, smörgås"

        let code = try QRCode(text: text)

        XCTAssertEqual(try decodeWithZbar(code.png()), text)
    }

    func testTextNeedingVersionSevenOrMoreCarriesVersionInformationAndDecodes() throws {
        let text = String(repeating: "Palaute: palvelu oli ystävällistä ja nopeaa. ", count: 4)

        let code = try QRCode(text: text, errorCorrection: .medium)

        XCTAssertGreaterThanOrEqual(code.version, 7, "the text should force version information to be drawn")
        XCTAssertEqual(try decodeWithZbar(code.png()), text)
    }

    func testLargeMultiBlockSymbolDecodesWithZbar() throws {
        let text = (1...60).map { "rivi \($0): kiitos käynnistä! " }.joined()

        let code = try QRCode(text: text, errorCorrection: .low)

        XCTAssertGreaterThanOrEqual(code.version, 20)
        XCTAssertEqual(try decodeWithZbar(code.png(moduleSize: 4)), text)
    }

    func testEveryErrorCorrectionLevelDecodesWithZbar() throws {
        let text = "https://kaiku.example/t/ravintola-aurinko?lang=fi"

        for level in QRCode.ErrorCorrection.allCases {
            let code = try QRCode(text: text, errorCorrection: level)

            XCTAssertEqual(try decodeWithZbar(code.png()), text, "level \(level)")
        }
    }

    // MARK: - Symbol structure

    func testSmallestVersionIsChosen() throws {
        // Version 1-M holds 14 bytes in byte mode; one more needs version 2.
        let fits = try QRCode(text: String(repeating: "a", count: 14), errorCorrection: .medium)
        let overflows = try QRCode(text: String(repeating: "a", count: 15), errorCorrection: .medium)

        XCTAssertEqual(fits.version, 1)
        XCTAssertEqual(fits.size, 21)
        XCTAssertEqual(overflows.version, 2)
        XCTAssertEqual(overflows.size, 25)
    }

    func testFinderPatternsSitInThreeCorners() throws {
        let code = try QRCode(text: "kaiku")

        for (originX, originY) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            XCTAssertTrue(code.isDark(x: originX, y: originY))
            XCTAssertFalse(code.isDark(x: originX + 1, y: originY + 1))
            XCTAssertTrue(code.isDark(x: originX + 3, y: originY + 3))
        }
    }

    func testModulesOutsideTheSymbolAreLight() throws {
        let code = try QRCode(text: "kaiku")

        XCTAssertFalse(code.isDark(x: -1, y: 0))
        XCTAssertFalse(code.isDark(x: 0, y: code.size))
    }

    func testTextTooLongForVersion40Throws() {
        let text = String(repeating: "x", count: 2_332)  // version 40-M holds 2,331 bytes

        XCTAssertThrowsError(try QRCode(text: text, errorCorrection: .medium)) { error in
            XCTAssertEqual(
                error as? QRCode.EncodingError,
                .dataTooLong(byteCount: 2_332, maximumByteCount: 2_331, errorCorrection: .medium)
            )
            XCTAssertTrue("\(error)".contains("too long"), "message should explain the problem: \(error)")
        }
    }

    func testLargestInputThatFitsUsesVersion40() throws {
        let code = try QRCode(text: String(repeating: "x", count: 2_953), errorCorrection: .low)

        XCTAssertEqual(code.version, 40)
        XCTAssertEqual(code.size, 177)
    }

    func testAlignmentPatternPositionsMatchTheStandardTable() {
        XCTAssertEqual(QRVersion(1).alignmentPatternPositions, [])
        XCTAssertEqual(QRVersion(2).alignmentPatternPositions, [6, 18])
        XCTAssertEqual(QRVersion(7).alignmentPatternPositions, [6, 22, 38])
        XCTAssertEqual(QRVersion(32).alignmentPatternPositions, [6, 34, 60, 86, 112, 138])
        XCTAssertEqual(QRVersion(36).alignmentPatternPositions, [6, 24, 50, 76, 102, 128, 154])
        XCTAssertEqual(QRVersion(40).alignmentPatternPositions, [6, 30, 58, 86, 114, 142, 170])
    }

    func testFormatAndVersionWordsMatchTheStandardExamples() {
        // ISO/IEC 18004 Annex C: level M with mask 5 gives 100000011001110;
        // Annex D: version 7 gives 000111110010010100.
        XCTAssertEqual(QRMatrix.formatBits(errorCorrection: .medium, mask: .pattern5), 0b100000011001110)
        XCTAssertEqual(QRMatrix.versionBits(QRVersion(7)), 0b000111110010010100)
    }

    func testReedSolomonMatchesTheStandardExample() {
        // Version 1-M "01234567" from ISO/IEC 18004 Annex I.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
                             0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]

        let ecc = ReedSolomon.remainder(of: data, generator: ReedSolomon.generator(degree: 10))

        XCTAssertEqual(ecc, [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    func testNonASCIITextDeclaresUTF8WithECIAndASCIITextDoesNot() throws {
        // Version 1 has a single block, so the first codeword is the first data byte.
        let ascii = try QRCode.encode(Array("abc".utf8), errorCorrection: .medium)
        let utf8 = try QRCode.encode(Array("äö".utf8), errorCorrection: .medium)

        XCTAssertEqual(ascii.codewords[0] >> 4, 0b0100, "starts straight with byte mode")
        // 0111 (ECI) 00011010 (26 = UTF-8) 0100 (byte mode)
        XCTAssertEqual(Array(utf8.codewords[0...1]), [0b0111_0001, 0b1010_0100])
    }

    func testChosenMaskHasTheLowestPenalty() throws {
        let text = "http://127.0.0.1:8080/t/hammas-keskusta"
        let code = try QRCode(text: text, errorCorrection: .quartile)
        let encoded = try QRCode.encode(Array(text.utf8), errorCorrection: .quartile)
        var unmasked = QRMatrix(version: encoded.version)
        unmasked.placeData(encoded.codewords)

        let penalties = QRMask.allCases.map { mask in
            var candidate = unmasked
            candidate.applyMask(mask)
            candidate.drawFormatInformation(errorCorrection: .quartile, mask: mask)
            return candidate.penaltyScore()
        }

        XCTAssertEqual(code.mask, penalties.firstIndex(of: penalties.min()!))
    }

    func testRunPenaltyChargesThreePlusOnePerModuleBeyondFive() {
        XCTAssertEqual(QRMatrix.runPenalty([true, true, true, true, false, true]), 0)
        XCTAssertEqual(QRMatrix.runPenalty(Array(repeating: true, count: 5)), 3)
        XCTAssertEqual(QRMatrix.runPenalty(Array(repeating: false, count: 7) + [true]), 5)
    }

    func testFinderLikePenaltyCountsEachLightSide() {
        let finder = [true, false, true, true, true, false, true]
        let light4 = [Bool](repeating: false, count: 4)

        // Light on both sides (the quiet zone counts as light): two hits.
        XCTAssertEqual(QRMatrix.finderLikePenalty(light4 + finder + light4), 80)
        // Only one light side wide enough.
        XCTAssertEqual(QRMatrix.finderLikePenalty([true, false] + finder + light4 + [true]), 40)
        // The ratio matters, not the size: a pattern scaled ×2 counts too.
        let doubled = finder.flatMap { [$0, $0] }
        XCTAssertEqual(QRMatrix.finderLikePenalty([true, false] + doubled + light4 + light4 + [true]), 40)
        // Broken ratio: no hit.
        XCTAssertEqual(QRMatrix.finderLikePenalty(light4 + [true, false, true, true, false, true] + light4), 0)
    }

    // MARK: - Checksums and compression

    func testCRC32OfCheckStringIsStandardValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
    }

    func testAdler32OfWikipediaIsStandardValue() {
        XCTAssertEqual(Adler32.checksum(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func testAdler32StaysCorrectPastTheDeferredModuloChunk() {
        // 0xFF bytes maximise the sums, so a missed reduction would overflow.
        let bytes = [UInt8](repeating: 0xFF, count: 100_000)

        XCTAssertEqual(Adler32.checksum(bytes), naiveAdler32(bytes))
    }

    func testZlibStreamHasValidHeaderAndAdlerTrailer() {
        let input = [UInt8](repeating: 0xFF, count: 10_000) + Array("kaiku".utf8)

        let stream = Zlib.compress(input)

        XCTAssertEqual((Int(stream[0]) * 256 + Int(stream[1])) % 31, 0, "FCHECK must make the header a multiple of 31")
        XCTAssertEqual(stream[0] & 0x0F, 8, "compression method must be DEFLATE")
        XCTAssertEqual(Array(stream.suffix(4)), bigEndianBytes(Adler32.checksum(input)))
        XCTAssertLessThan(stream.count, input.count / 20, "repetitive input should compress well")
    }

    // MARK: - PNG

    func testPNGStartsWithSignatureAndBilevelIHDR() throws {
        let code = try QRCode(text: "kaiku")
        let expectedWidth = (code.size + 2 * 4) * 8

        let png = code.png(moduleSize: 8, border: 4)

        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[8..<16]), [0, 0, 0, 13] + Array("IHDR".utf8))
        XCTAssertEqual(Array(png[16..<20]), bigEndianBytes(UInt32(expectedWidth)), "width")
        XCTAssertEqual(Array(png[20..<24]), bigEndianBytes(UInt32(expectedWidth)), "height")
        XCTAssertEqual(Array(png[24..<29]), [1, 0, 0, 0, 0], "1-bit grayscale, no interlace")
        XCTAssertEqual(Array(png[29..<33]), bigEndianBytes(CRC32.checksum(png[12..<29])), "IHDR CRC")
        XCTAssertEqual(Array(png.suffix(12)), [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    // MARK: - SVG

    func testSVGHasViewBoxRoleAndCrispEdges() throws {
        let code = try QRCode(text: "kaiku")
        let across = code.size + 2 * 2

        let svg = code.svg(moduleSize: 10, border: 2, title: nil)

        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.contains("viewBox=\"0 0 \(across) \(across)\""))
        XCTAssertTrue(svg.contains("width=\"\(across * 10)\""))
        XCTAssertTrue(svg.contains("role=\"img\""))
        XCTAssertTrue(svg.contains("shape-rendering=\"crispEdges\""))
        XCTAssertTrue(svg.contains("fill=\"#fff\""))
        XCTAssertEqual(svg.components(separatedBy: "<path").count - 1, 1, "one path for all modules")
        XCTAssertFalse(svg.contains("<title>"))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
    }

    func testSVGTitleIsIncludedAndXMLEscaped() throws {
        let code = try QRCode(text: "kaiku")

        let svg = code.svg(title: "Palaute <Hammas & \"Keskusta\"> 'ä'")

        XCTAssertTrue(svg.contains("<title>Palaute &lt;Hammas &amp; &quot;Keskusta&quot;&gt; &apos;ä&apos;</title>"))
    }

    func testSVGTitleDropsControlCharactersThatXMLForbids() {
        XCTAssertEqual(XMLText.escape("a\u{0}b\u{1B}c\nd"), "abc\nd")
    }

    func testSVGDrawsTopLeftFinderCornerAtBorderOffset() throws {
        let code = try QRCode(text: "kaiku")

        let svg = code.svg(border: 4, title: nil)

        // The finder's top row is a run of 7 dark modules starting at the border.
        XCTAssertTrue(svg.contains("M4 4h7v1h-7z"))
    }

    // MARK: - Helpers

    private func naiveAdler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Writes the PNG to a temporary file and reads it back with zbarimg, so
    /// the whole pipeline — encoding, masking, format bits, PNG — is checked
    /// by an independent decoder rather than by our own assumptions.
    private func decodeWithZbar(_ png: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        // A missing decoder fails the test rather than skipping it, so a
        // machine without zbar-tools can never pass without the real check.
        guard let zbarimg = executableInPath("zbarimg") else {
            throw ZbarMissing()
        }

        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kaiku-qr-\(UUID().uuidString).png")
        try Data(png).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 0, "zbarimg found no QR code in the PNG", file: file, line: line)
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }  // zbarimg ends each symbol with a newline
        return text
    }

    private struct ZbarMissing: Error, CustomStringConvertible {
        var description: String {
            "zbarimg not found in PATH: install zbar-tools (apt-get install -y zbar-tools); the project's test script installs it"
        }
    }

    private func executableInPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return directories
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
