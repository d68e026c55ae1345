import Foundation

/// An idea's title and description as a staff member writes them, checked:
/// a title short enough for a list row and a description of a few paragraphs.
public struct IdeaText: Sendable, Equatable, Codable {
    public static let maxTitleLength = 150
    public static let maxDescriptionLength = 4_000
    public static let maxCommentLength = 2_000

    public enum Problem: Error, Equatable {
        case missing(Field)
        case tooLong(Field)
        case controlCharacters(Field)

        public var field: Field {
            switch self {
            case .missing(let field), .tooLong(let field), .controlCharacters(let field): field
            }
        }
    }

    public enum Field: String, Sendable, Equatable {
        case title, description, comment

        public var maxLength: Int {
            switch self {
            case .title: IdeaText.maxTitleLength
            case .description: IdeaText.maxDescriptionLength
            case .comment: IdeaText.maxCommentLength
            }
        }
    }

    public var title: String
    public var description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }

    /// Trimmed and checked, title first.
    public static func checked(title: String?, description: String?) throws(Problem) -> IdeaText {
        IdeaText(title: try clean(title, .title), description: try clean(description, .description))
    }

    /// A comment on an idea, trimmed and checked.
    public static func checkedComment(_ raw: String?) throws(Problem) -> String {
        try clean(raw, .comment)
    }

    private static func clean(_ raw: String?, _ field: Field) throws(Problem) -> String {
        // Browsers send line breaks as CRLF; one kind keeps the length honest.
        var text = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if field == .title { text = text.replacingOccurrences(of: "\n", with: " ") }
        guard !text.isEmpty else { throw .missing(field) }
        guard text.codePointCount <= field.maxLength else { throw .tooLong(field) }
        guard !text.containsStrayControlCharacters else { throw .controlCharacters(field) }
        return text
    }
}
