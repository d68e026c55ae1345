import Foundation

/// A "what we did" note as a supervisor writes it: Finnish always, Swedish
/// and English when written. A missing translation shows the Finnish, so that
/// a reader of any language sees the note rather than nothing.
public struct UnitNoteText: Sendable, Equatable, Codable {
    /// Short on purpose: a note says what was done, in a few sentences.
    public static let maxLength = 600

    public enum Problem: Error, Equatable {
        case missingFinnish
        case tooLong(Language)
        case controlCharacters(Language)

        /// The form field the problem is about.
        public var language: Language {
            switch self {
            case .missingFinnish: .fi
            case .tooLong(let language), .controlCharacters(let language): language
            }
        }
    }

    public var fi: String
    public var sv: String?
    public var en: String?

    public init(fi: String, sv: String? = nil, en: String? = nil) {
        self.fi = fi
        self.sv = sv
        self.en = en
    }

    /// Trimmed and checked, Finnish first; an empty translation is no translation.
    public static func checked(fi: String?, sv: String?, en: String?) throws(Problem) -> UnitNoteText {
        let finnish = try clean(fi, .fi)
        guard let finnish else { throw .missingFinnish }
        return UnitNoteText(fi: finnish, sv: try clean(sv, .sv), en: try clean(en, .en))
    }

    /// The note in `language`, or in Finnish when it has no such translation.
    public func text(in language: Language) -> String {
        switch language {
        case .fi: fi
        case .sv: sv ?? fi
        case .en: en ?? fi
        }
    }

    private static func clean(_ raw: String?, _ language: Language) throws(Problem) -> String? {
        // Browsers send line breaks as CRLF; one kind keeps the length honest.
        let text = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        guard text.codePointCount <= maxLength else { throw .tooLong(language) }
        guard !text.containsStrayControlCharacters else { throw .controlCharacters(language) }
        return text
    }
}
