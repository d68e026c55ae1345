import Foundation
import KaikuCore

/// Free text a handler writes: a note, an answer, a reason.
enum CaseText {
    static let maxLength = 4_000

    static func check(_ value: String?, field: String) throws -> String {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty, trimmed.codePointCount <= maxLength, !trimmed.containsStrayControlCharacters else {
            throw FieldError(field: field, message: "\(field) must be 1–\(maxLength) characters of text.")
        }
        return trimmed
    }
}
