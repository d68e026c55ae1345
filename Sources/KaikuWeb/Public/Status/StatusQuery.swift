import Fluent
import KaikuCore
import KaikuStore

/// Reads an answer by its receipt and the case opened for it, if any.
enum StatusQuery {
    /// `receipt` as it was in the address; an unknown one gives a model with nothing found.
    static func load(receipt: String, on database: any Database) async throws -> StatusModel {
        guard let (response, organisation) = try await ReceiptLookup.response(receipt, on: database) else {
            return StatusModel(receipt: receipt, found: nil)
        }
        var feedbackCase: FeedbackCase?
        if let id = response.id {
            feedbackCase = try await FeedbackCase.query(on: database).filter(\.$responseID == id).first()
        }
        guard let zone = organisation?.timeZone else { return StatusModel(receipt: response.receipt, found: nil) }
        return StatusModel(receipt: response.receipt, received: CalendarDay(date: response.receivedAt, timeZone: zone),
                           caseStatus: feedbackCase?.statusValue, due: feedbackCase.map { CalendarDay(date: $0.dueAt, timeZone: zone) })
    }
}
