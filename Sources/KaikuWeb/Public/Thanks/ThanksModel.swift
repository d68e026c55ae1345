import Foundation
import KaikuCore

/// The thanks page as plain values: the receipt to follow the answer by and,
/// only when the customer asked for an answer, the days it may take.
struct ThanksModel: Sendable, Equatable {
    var receipt: String
    /// Days to the promised answer; nil when no answer was asked for.
    var promiseDays: Int?
    /// Whether those are calendar or working days.
    var promiseIn: PromiseCounting
    /// Whose page it is: the organisation's logo, name and colour head it.
    var organisationID: UUID?

    init(receipt: String, wantsAnswer: Bool, promiseDays: Int, promiseIn: PromiseCounting = .calendarDays) {
        self.receipt = receipt
        self.promiseDays = wantsAnswer ? promiseDays : nil
        self.promiseIn = promiseIn
    }

    /// Where the customer follows the answer.
    var status: SiteURL { .status(.value(receipt)) }
}
