import Foundation

/// An organisation's brand colour as `#rrggbb`. Kaiku prints it as the
/// background of a band with white text and as headings on white paper, so
/// only colours with a WCAG contrast of at least 4.5:1 against white are
/// accepted.
public struct BrandColour: Sendable, Equatable, Codable {
    /// The lowest contrast ratio against white that WCAG 2.1 AA allows for text.
    public static let minimumContrast = 4.5

    public enum Problem: Error, Equatable, Sendable {
        /// Not six hexadecimal digits after `#`.
        case notAColour
        /// A real colour, but white text on it (or it on white) is too faint; the ratio it reaches.
        case tooLight(contrast: Double)
    }

    public let red: Int
    public let green: Int
    public let blue: Int

    /// `#rrggbb` or `rrggbb`, either case, surrounding spaces ignored.
    public init(validating raw: String) throws(Problem) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("#") { text.removeFirst() }
        guard text.count == 6, text.allSatisfy(\.isHexDigit), let value = Int(text, radix: 16) else { throw .notAColour }
        red = (value >> 16) & 0xFF
        green = (value >> 8) & 0xFF
        blue = value & 0xFF
        let contrast = contrastAgainstWhite
        guard contrast >= Self.minimumContrast else { throw .tooLight(contrast: contrast) }
    }

    /// Lower-case `#rrggbb`, as stored and written into style sheets.
    public var hex: String {
        "#" + [red, green, blue].map { String(format: "%02x", $0) }.joined()
    }

    /// The WCAG 2.1 relative luminance, 0 for black to 1 for white.
    public var relativeLuminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The contrast ratio of this colour and white, 1…21.
    public var contrastAgainstWhite: Double {
        1.05 / (relativeLuminance + 0.05)
    }

    /// The ratio rounded down to one decimal, as a message shows it: never
    /// rounded up past the limit it failed.
    public static func shown(_ contrast: Double) -> String {
        String(format: "%.1f", (contrast * 10).rounded(.down) / 10)
    }
}
