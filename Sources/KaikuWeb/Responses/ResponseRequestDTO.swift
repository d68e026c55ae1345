import Foundation
import KaikuCore

/// The body of `POST /api/v1/responses`, loosely typed so that the validator
/// can name the field that is wrong.
struct ResponseRequestDTO: Codable {
    var target: String?
    var channel: String?
    var language: String?
    var answers: [String: AnswerValue]?
    var openText: String?
    var respondent: String?
    var answeredAt: String?
    var contact: SubmissionInput.Contact?
    var wantsAnswer: Bool?

    /// The request in a canonical form: a retry that serialises the same
    /// content with keys in another order is still the same request.
    func fingerprint() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    func input() throws -> SubmissionInput {
        guard let answers else { throw SubmissionError(field: "answers", reason: .required) }
        var date: Date?
        if let answeredAt {
            guard let parsed = ISO8601.parse(answeredAt) else {
                throw FieldError(field: "answeredAt", message: "answeredAt must be an ISO 8601 date-time with a time zone, e.g. 2026-11-23T14:05:00+02:00.")
            }
            date = parsed
        }
        return SubmissionInput(
            channel: channel, language: language, answers: answers, openText: openText, respondent: respondent,
            answeredAt: date, contact: contact, wantsAnswer: wantsAnswer)
    }
}

struct ReceiptDTO: Codable {
    var id: UUID
    var receipt: String
}

enum ISO8601 {
    /// Accepts date-times with a zone, with or without fractional seconds,
    /// within the days Kaiku takes from outside (`CalendarDay.earliestAccepted`
    /// to `latestAccepted`), so that no later day arithmetic leaves the calendar.
    static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text),
              CalendarDay(date: date, timeZone: .gmt).isAccepted else { return nil }
        return date
    }

    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
