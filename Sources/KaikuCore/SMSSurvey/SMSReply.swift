import Foundation

/// What a customer's text message back means at the step the survey is at.
public enum SMSReply: Sendable, Equatable {
    case score(Int)
    case comment(String)
    case optOut
    case unclear

    /// Words that stop every further message to the number, in Finnish, Swedish and English.
    public static let optOutWords: Set<String> = ["LOPETA", "STOPP", "STOP"]

    public enum Step: Sendable {
        case score, comment
    }

    public static func parse(_ text: String, at step: Step) -> SMSReply {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = trimmed.uppercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if optOutWords.contains(word) { return .optOut }
        switch step {
        case .score:
            // "9", "9.", " 10! " and "9/10" are a nine or a ten; "9 10" or "ok 9" are not clear.
            // Only trailing punctuation goes: "-1" is not a one.
            var rest = Substring(trimmed.uppercased())
            while let last = rest.last, ".!?".contains(last) { rest = rest.dropLast() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let outOfTen = rest.replacingOccurrences(of: " ", with: "")
            guard (1...2).contains(digits.count), let value = Int(digits), (0...10).contains(value),
                  outOfTen.isEmpty || outOfTen == "/10" else { return .unclear }
            return .score(value)
        case .comment:
            return trimmed.isEmpty ? .unclear : .comment(trimmed)
        }
    }
}
