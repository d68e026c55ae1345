import Foundation
import KaikuCore

/// Pictures to upload as logos: a real PNG (a QR code), PNG and JPEG headers
/// of any size, and the things that must be refused.
enum LogoSamples {
    /// A PNG a browser can draw, 264 × 264 pixels.
    static let realPNG: [UInt8] = {
        // A fixed text gives a fixed picture.
        (try? QRCode(text: "https://palaute.example.fi/t/logo").png(moduleSize: 8, border: 4)) ?? []
    }()

    /// The signature and IHDR chunk of a PNG of the given size, padded to `length` bytes.
    static func png(width: Int, height: Int, length: Int = 64) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += be32(width) + be32(height) + [8, 6, 0, 0, 0] + [0, 0, 0, 0]
        return bytes + [UInt8](repeating: 0, count: max(0, length - bytes.count))
    }

    /// A JPEG's start, a JFIF segment and a baseline frame header of the given size.
    static func jpeg(width: Int, height: Int) -> [UInt8] {
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        let frame: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        return [0xFF, 0xD8] + app0 + frame + [0xFF, 0xD9]
    }

    static let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"#.utf8)
    static let gif: [UInt8] = Array("GIF89a".utf8) + [0x0A, 0x00, 0x0A, 0x00, 0x80, 0x00, 0x00] + [UInt8](repeating: 0, count: 32)

    private static func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
    private static func be16(_ value: Int) -> [UInt8] { [8, 0].map { UInt8((value >> $0) & 0xFF) } }
}
