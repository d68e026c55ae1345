import Foundation

/// A setting Kaiku cannot start with: which variable (or option), and a
/// sentence saying what is wrong and how to fix it. Raised before anything
/// is opened, so an operator reads it instead of a failure further on.
public struct SettingsProblem: Error, Equatable, CustomStringConvertible {
    /// The environment variable or option at fault, e.g. `DATABASE_URL` or `--data-dir`.
    public var variable: String
    public var message: String

    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { message }

    /// A message from a lower layer as a sentence: capital first, full stop last.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return trimmed }
        let capitalised = first.isLowercase && !trimmed.hasPrefix("e.g.") ? first.uppercased() + trimmed.dropFirst() : trimmed
        return [".", "!", "?"].contains(capitalised.last) ? capitalised : capitalised + "."
    }
}
