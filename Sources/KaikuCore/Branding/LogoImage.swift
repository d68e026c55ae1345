import Foundation

/// An uploaded logo, checked by what its bytes are rather than what its name
/// or the browser says: a PNG or a baseline/progressive JPEG whose header
/// gives its size. Anything else — SVG (which can carry script), GIF, a
/// renamed file — is refused.
public struct LogoImage: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        case png, jpeg
        public var contentType: String { self == .png ? "image/png" : "image/jpeg" }
    }

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLarge(bytes: Int)
        case notPNGOrJPEG
        /// The header does not give a usable size.
        case unreadable
        case tooManyPixels(width: Int, height: Int)
    }

    public static let maximumBytes = 512 * 1024
    public static let maximumSide = 2000

    public let format: Format
    public let width: Int
    public let height: Int
    public let data: [UInt8]

    public init(validating bytes: [UInt8]) throws(Problem) {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= Self.maximumBytes else { throw .tooLarge(bytes: bytes.count) }
        let size: (width: Int, height: Int)?
        if bytes.starts(with: Self.pngSignature) {
            format = .png
            size = Self.pngSize(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            format = .jpeg
            size = Self.jpegSize(bytes)
        } else {
            throw .notPNGOrJPEG
        }
        guard let size, size.width > 0, size.height > 0 else { throw .unreadable }
        guard size.width <= Self.maximumSide, size.height <= Self.maximumSide else { throw .tooManyPixels(width: size.width, height: size.height) }
        width = size.width
        height = size.height
        data = bytes
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The first chunk of a PNG must be IHDR: width and height as big-endian 32-bit numbers.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return (bigEndian(bytes, at: 16, count: 4), bigEndian(bytes, at: 20, count: 4))
    }

    /// Walks the JPEG's segments to the first start-of-frame marker, which holds the size.
    static func jpegSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            // Markers without a length: TEM and the restart markers.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            // Start of scan or end of image before any frame: no size to read.
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = bigEndian(bytes, at: index + 2, count: 2)
            guard length >= 2 else { return nil }
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                guard index + 9 <= bytes.count, length >= 7 else { return nil }
                return (bigEndian(bytes, at: index + 7, count: 2), bigEndian(bytes, at: index + 5, count: 2))
            }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}
