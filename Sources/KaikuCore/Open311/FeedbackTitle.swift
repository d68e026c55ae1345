import Foundation

/// A short title for feedback that has none of its own (the CitySDK
/// `title`): its first line, cut at a word boundary.
public enum FeedbackTitle {
    public static let maxLength = 80

    public static func make(from text: String) -> String {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        guard firstLine.count > maxLength else { return firstLine }
        let cut = firstLine.prefix(maxLength - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .whitespaces) + "…"
    }
}
