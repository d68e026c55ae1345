import Foundation
import KaikuCore

/// The public status of a piece of feedback as plain values: no personal
/// data, only when it came, which unit has it, what has happened and, while
/// it is being handled, the day an answer is promised by.
struct StatusModel: Sendable, Equatable {
    enum State: Sendable, Equatable {
        /// No case: the answer was stored and counted.
        case received
        case handled(CaseStatus)
    }

    /// One step of the way from receiving to answering, with the day it happened.
    struct Step: Sendable, Equatable {
        enum Kind: String, Sendable, CaseIterable {
            case received, handling, answered, referred
        }

        var kind: Kind
        var day: String
    }

    struct Found: Sendable, Equatable {
        var received: String
        var state: State
        /// Shown only while the case is pending.
        var due: String?
        /// The unit handling it now (where a case was rerouted, the new one).
        var unit: LocalizedText?
        /// The steps taken so far, oldest first.
        var timeline: [Step] = []
    }

    var receipt: String
    /// Nil when no answer has this receipt.
    var found: Found?
    /// Whose page it is, when the receipt was found: the organisation's logo, name and colour head it.
    var organisationID: UUID?

    init(receipt: String, found: Found?) {
        self.receipt = receipt
        self.found = found
    }

    /// `events`: the public history of the case (kind and day), oldest first.
    init(receipt: String, received: CalendarDay, caseStatus: CaseStatus?, due: CalendarDay?,
         unit: LocalizedText? = nil, events: [(kind: CaseEventKind, day: CalendarDay)] = []) {
        self.receipt = receipt
        let pending = caseStatus?.isPending == true
        found = Found(received: Self.day(received), state: caseStatus.map { .handled($0) } ?? .received,
                      due: pending ? due.map(Self.day) : nil, unit: unit,
                      timeline: Self.timeline(received: received, events: events))
    }

    /// Received, then the first time a person took it up, then its answer or referral.
    static func timeline(received: CalendarDay, events: [(kind: CaseEventKind, day: CalendarDay)]) -> [Step] {
        var steps = [Step(kind: .received, day: day(received))]
        if let taken = events.first(where: { [.assigned, .taken, .rerouted, .called, .interimReply].contains($0.kind) }) {
            steps.append(Step(kind: .handling, day: day(taken.day)))
        }
        // A case closed without a written answer (answered by phone, say) was answered all the same.
        if let end = events.first(where: { [.answered, .referred, .closed].contains($0.kind) }) {
            steps.append(Step(kind: end.kind == .referred ? .referred : .answered, day: day(end.day)))
        }
        return steps
    }

    /// A day as the status page writes it in every language: "1.5.2026".
    static func day(_ day: CalendarDay) -> String { "\(day.day).\(day.month).\(day.year)" }
}
