import Foundation
import KaikuCore
import KaikuStore

/// What the inbox shows, as plain values: one page of cases of the user's
/// units, earliest due first, and for supervisors how the promise is kept.
struct InboxModel: Sendable {
    struct Row: Sendable, Equatable {
        var id: UUID
        var receipt: String
        var unit: String
        var received: String
        var due: String
        var late: Bool
        var dueSoon: Bool
        var status: CaseStatus
        var channel: String
        var themes: [String]
        var excerpt: String?
        var assignee: String?
    }

    var filters: InboxFilters
    /// Units the user may filter by, parents before children.
    var units: [UnitOption]
    var rows: [Row]
    var total: Int
    var late: Int
    var dueSoon: Int
    var pageSize: Int
    /// For supervisors and administrators: how the units are keeping the promise.
    var statistics: CaseStatistics?

    /// The longest excerpt of a comment the list shows before cutting it with an ellipsis.
    static let excerptLength = 140

    /// A case as a row of the list: times in the organisation's zone, late and
    /// nearly late marked, masked personal data in words of the page's language.
    static func row(_ row: CaseInbox.Row, unitName: String, assignee: String?, now: Date, zone: TimeZone,
                    context: PageContext) -> Row {
        Row(id: row.id, receipt: row.receipt, unit: unitName,
            received: StaffForm.date(row.receivedAt, in: zone), due: StaffForm.date(row.dueAt, in: zone),
            late: row.status.isPending && row.dueAt < now,
            dueSoon: row.status.isPending && row.dueAt >= now && row.dueAt.timeIntervalSince(now) <= CaseInbox.soon,
            status: row.status, channel: row.channel, themes: row.themes,
            excerpt: row.openText.map { text in
                let shown = StaffForm.unmaskTokens(text, catalogue: context.catalogue, language: context.language)
                return shown.count > excerptLength ? String(shown.prefix(excerptLength)) + "…" : shown
            },
            assignee: assignee)
    }
}
