import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The handler's inbox: cases of some units, filtered and ordered by due
/// time, one page at a time, with the counts a handler needs to see how
/// things stand (how many there are, how many are late or nearly so).
public enum CaseInbox {
    public enum StatusFilter: String, Sendable, CaseIterable {
        /// Everything still owed an answer: open or in handling.
        case pending, open, handling, closed, referred, all
    }

    public enum DueFilter: String, Sendable, CaseIterable {
        case late, soon
    }

    public struct Filter: Sendable {
        public var status: StatusFilter = .pending
        public var units: [UUID]
        public var channel: String?
        public var due: DueFilter?
        public var theme: String?
        public var assignee: UUID?

        public init(units: [UUID]) {
            self.units = units
        }
    }

    public struct Row: Sendable {
        public var id: UUID
        public var unitID: UUID
        public var receipt: String
        public var status: CaseStatus
        public var assigneeID: UUID?
        public var receivedAt: Date
        public var dueAt: Date
        public var channel: String
        public var language: String
        public var openText: String?
        public var themes: [String]
    }

    public struct Page: Sendable {
        public var rows: [Row]
        /// Cases matching the filter, on every page.
        public var total: Int
        /// Of the pending cases matching the filter: past due, and due within `soon`.
        public var late: Int
        public var dueSoon: Int
    }

    /// Cases due within this long count as "due soon".
    public static let soon: TimeInterval = 2 * 86_400

    public static func page(_ filter: Filter, organisationID: UUID, now: Date, offset: Int = 0, limit: Int = 50,
                            on database: any Database) async throws -> Page {
        let sql = try database.sql
        guard !filter.units.isEmpty else { return Page(rows: [], total: 0, late: 0, dueSoon: 0) }
        let soonEnd = now.addingTimeInterval(soon)
        let counts = try await conditions(filter, organisationID: organisationID, now: now, joinResponses: false,
                                          sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .column(SQLQueryString("SUM(CASE WHEN c.status IN ('open', 'handling') AND c.due_at < \(bind: now) THEN 1 ELSE 0 END)"), as: "late")
            .column(SQLQueryString("SUM(CASE WHEN c.status IN ('open', 'handling') AND c.due_at >= \(bind: now) AND c.due_at <= \(bind: soonEnd) THEN 1 ELSE 0 END)"), as: "soon"))
            .first()
        let rows = try await conditions(filter, organisationID: organisationID, now: now,
                                        sql.select()
            .column(SQLColumn("id", table: "c")).column(SQLColumn("unit_id", table: "c")).column(SQLColumn("receipt", table: "c"))
            .column(SQLColumn("status", table: "c")).column(SQLColumn("assignee_id", table: "c"))
            .column(SQLColumn("received_at", table: "c")).column(SQLColumn("due_at", table: "c"))
            .column(SQLColumn("channel", table: "r")).column(SQLColumn("language", table: "r"))
            .column(SQLColumn("open_text", table: "r")).column(SQLColumn("themes", table: "r")))
            .orderBy(SQLColumn("due_at", table: "c"))
            .orderBy(SQLColumn("id", table: "c"))
            .limit(limit).offset(offset)
            .all()
        return Page(
            rows: try rows.map { row in
                Row(id: try row.decode(column: "id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                    receipt: try row.decode(column: "receipt", as: String.self),
                    status: CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                    assigneeID: try row.decode(column: "assignee_id", as: UUID?.self),
                    receivedAt: try row.decode(column: "received_at", as: Date.self), dueAt: try row.decode(column: "due_at", as: Date.self),
                    channel: try row.decode(column: "channel", as: String.self), language: try row.decode(column: "language", as: String.self),
                    openText: try row.decode(column: "open_text", as: String?.self),
                    themes: (try row.decode(column: "themes", as: String?.self) ?? "").split(separator: ",").map(String.init))
            },
            total: try counts?.decode(column: "total", as: Int?.self) ?? 0,
            late: try counts?.decode(column: "late", as: Int?.self) ?? 0,
            dueSoon: try counts?.decode(column: "soon", as: Int?.self) ?? 0)
    }

    /// The filter's conditions. The counts join the answers only when a
    /// filter needs them, so that without one they come from an index alone.
    private static func conditions(_ filter: Filter, organisationID: UUID, now: Date, joinResponses: Bool = true,
                                   _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        var builder = select.from(SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")))
        if joinResponses || filter.channel != nil || filter.theme != nil {
            builder = builder.join(SQLAlias(SQLIdentifier("responses"), as: SQLIdentifier("r")),
                                   on: SQLColumn("response_id", table: "c"), .equal, SQLColumn("id", table: "r"))
        }
        builder = builder.where(SQLColumn("organisation_id", table: "c"), .equal, SQLBind(organisationID))
            .where(SQLColumn("unit_id", table: "c"), .in, SQLBind.group(filter.units))
        switch filter.status {
        case .all: break
        case .pending: builder = builder.where(SQLColumn("status", table: "c"), .in, SQLBind.group([CaseStatus.open.rawValue, CaseStatus.handling.rawValue]))
        default: builder = builder.where(SQLColumn("status", table: "c"), .equal, SQLBind(filter.status.rawValue))
        }
        if let channel = filter.channel {
            builder = builder.where(SQLColumn("channel", table: "r"), .equal, SQLBind(channel))
        }
        if let theme = filter.theme {
            builder = builder.where(SQLColumn("themes", table: "r"), .like, SQLBind("%,\(theme),%"))
        }
        if let assignee = filter.assignee {
            builder = builder.where(SQLColumn("assignee_id", table: "c"), .equal, SQLBind(assignee))
        }
        switch filter.due {
        case .late?:
            builder = builder.where(SQLColumn("due_at", table: "c"), .lessThan, SQLBind(now))
                .where(SQLColumn("status", table: "c"), .in, SQLBind.group([CaseStatus.open.rawValue, CaseStatus.handling.rawValue]))
        case .soon?:
            builder = builder.where(SQLColumn("due_at", table: "c"), .greaterThanOrEqual, SQLBind(now))
                .where(SQLColumn("due_at", table: "c"), .lessThanOrEqual, SQLBind(now.addingTimeInterval(soon)))
                .where(SQLColumn("status", table: "c"), .in, SQLBind.group([CaseStatus.open.rawValue, CaseStatus.handling.rawValue]))
        case nil: break
        }
        return builder
    }
}
