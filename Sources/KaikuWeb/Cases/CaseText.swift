import Foundation

/// Free text a handler writes: a note, an answer, a reason.
enum CaseText {
    static let maxLength = 4_000

    static func check(_ value: String?, field: String) throws -> String {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty, trimmed.count <= maxLength,
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) else {
            throw FieldError(field: field, message: "\(field) must be 1–\(maxLength) characters of text.")
        }
        return trimmed
    }
}
