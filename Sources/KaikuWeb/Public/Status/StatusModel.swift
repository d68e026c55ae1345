import KaikuCore

/// The public status of a piece of feedback as plain values: no personal
/// data, only when it came, what has happened and, while it is being
/// handled, the day an answer is promised by.
struct StatusModel: Sendable, Equatable {
    enum State: Sendable, Equatable {
        /// No case: the answer was stored and counted.
        case received
        case handled(CaseStatus)
    }

    struct Found: Sendable, Equatable {
        var received: String
        var state: State
        /// Shown only while the case is pending.
        var due: String?
    }

    var receipt: String
    /// Nil when no answer has this receipt.
    var found: Found?

    init(receipt: String, found: Found?) {
        self.receipt = receipt
        self.found = found
    }

    init(receipt: String, received: CalendarDay, caseStatus: CaseStatus?, due: CalendarDay?) {
        self.receipt = receipt
        let pending = caseStatus?.isPending == true
        found = Found(received: Self.day(received), state: caseStatus.map { .handled($0) } ?? .received,
                      due: pending ? due.map(Self.day) : nil)
    }

    /// A day as the status page writes it in every language: "1.5.2026".
    static func day(_ day: CalendarDay) -> String { "\(day.day).\(day.month).\(day.year)" }
}
