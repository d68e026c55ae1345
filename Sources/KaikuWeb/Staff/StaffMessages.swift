import Foundation
import KaikuCore
import Vapor

/// Turns a refused step into a sentence in the page's language. The API's
/// English message stays as the detail where one helps (e.g. what the mail
/// server said).
enum StaffMessages {
    static func text(for error: FieldError, request: Request) -> String {
        let catalogue = request.kaiku.catalogue
        let language = request.pageLanguage
        let key: String
        switch (error.status, error.field) {
        case (.badGateway, _): key = "staff.error.sendFailed"
        case (.conflict, "status"): key = "staff.error.finished"
        case (.conflict, "text"): key = "staff.error.answerPending"
        case (.conflict, _): key = "staff.error.noContact"
        case (_, "text"), (_, "note"), (_, "reason"): key = "staff.error.text"
        case (_, "email"): key = "staff.error.assignee"
        case (_, "unit"): key = "staff.error.unit"
        case (_, "channel"): key = "staff.error.channel"
        case (_, "subject"): key = "staff.error.subject"
        case (_, "kind"), (_, "template"): key = "staff.error.choice"
        default: return error.message
        }
        return catalogue.text(key, language, ["detail": error.message, "max": String(CaseText.maxLength)])
    }
}
