import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// A case in a list: enough to sort an inbox, no personal data.
struct CaseSummaryDTO: Content {
    var id: UUID
    var unit: String
    var status: String
    var dueAt: Date
    var receipt: String
    var receivedAt: Date
    var late: Bool
}

extension CaseSummaryDTO {
    init(_ item: FeedbackCase, scope: StaffScope, now: Date) {
        self.init(id: item.id!, unit: scope.units[item.unitID]?.code ?? "", status: item.status, dueAt: item.dueAt,
                  receipt: item.receipt, receivedAt: item.receivedAt,
                  late: item.statusValue.isPending && AnswerPromise.isLate(dueAt: item.dueAt, now: now))
    }
}

/// One case as its handler sees it, with contact details and history.
struct CaseDetailDTO: Content {
    struct ContactDTO: Content {
        var name: String?
        var email: String?
        var phone: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(email, forKey: .email)
            try container.encode(phone, forKey: .phone)
        }
    }

    struct EventDTO: Content {
        var at: Date
        var kind: String
        /// The staff member's e-mail, as before; `actorName` is what people see.
        var actor: String?
        var actorName: String?
        var detail: String?
    }

    var id: UUID
    var unit: String
    var originalUnit: String
    var status: String
    var dueAt: Date
    var receipt: String
    var receivedAt: Date
    var closedAt: Date?
    var late: Bool
    /// The e-mail of the staff member who has the case, if anyone has.
    var assignee: String?
    /// Their name, or the e-mail when they have none.
    var assigneeName: String?
    var response: ResponseDTO
    var contact: ContactDTO?
    var history: [EventDTO]
}
