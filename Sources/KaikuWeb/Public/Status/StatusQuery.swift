import Fluent
import KaikuCore
import KaikuStore

/// Reads an answer by its receipt, the case opened for it, if any, and the case's public history.
enum StatusQuery {
    /// `receipt` as it was in the address; an unknown one gives a model with nothing found.
    static func load(receipt: String, on database: any Database) async throws -> StatusModel {
        guard let (response, organisation) = try await ReceiptLookup.response(receipt, on: database) else {
            return StatusModel(receipt: receipt, found: nil)
        }
        var feedbackCase: FeedbackCase?
        var events: [CaseEvent] = []
        if let id = response.id {
            feedbackCase = try await FeedbackCase.query(on: database).filter(\.$responseID == id).first()
        }
        if let caseID = feedbackCase?.id {
            events = try await CaseEvent.query(on: database).filter(\.$caseID == caseID).sort(\.$at).all()
        }
        guard let zone = organisation?.timeZone else { return StatusModel(receipt: response.receipt, found: nil) }
        let unit = try await OrgUnit.find(feedbackCase?.unitID ?? response.unitID, on: database)
        let history = events.compactMap { event in
            CaseEventKind(rawValue: event.kind).flatMap { $0.isPublic ? ($0, CalendarDay(date: event.at, timeZone: zone)) : nil }
        }
        var model = StatusModel(receipt: response.receipt, received: CalendarDay(date: response.receivedAt, timeZone: zone),
                                caseStatus: feedbackCase?.statusValue, due: feedbackCase.map { CalendarDay(date: $0.dueAt, timeZone: zone) },
                                unit: unit?.name, events: history)
        model.organisationID = organisation?.id
        return model
    }
}
