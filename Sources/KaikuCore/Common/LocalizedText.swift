/// A text in each of Kaiku's languages; Finnish is the fallback because every
/// county must publish Finnish texts.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var fi: String
    public var sv: String
    public var en: String

    public init(fi: String, sv: String, en: String) {
        self.fi = fi
        self.sv = sv
        self.en = en
    }

    public subscript(language: Language) -> String {
        let text: String
        switch language {
        case .fi: text = fi
        case .sv: text = sv
        case .en: text = en
        }
        return text.isEmpty ? fi : text
    }
}
