import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The answers with open text of some units, newest first, filtered the way
/// a handler reads them: what customers wrote, with its themes, sentiment,
/// score and whether this staff member has read it.
public enum FeedbackFeed {
    /// The longest text search accepted: a phrase, not a document.
    public static let maxSearchLength = 200

    /// One page of the feed, newest first (received, then id). `after`
    /// continues past a row already read, as the CSV download does; pages
    /// for people use `offset`. No count: at a million answers an exact
    /// count of a wide filter costs more than the page itself.
    public static func page(_ filter: Filter, organisationID: UUID, userID: UUID, limit: Int, offset: Int = 0,
                            after cursor: Cursor? = nil, on database: any Database) async throws -> [Row] {
        if let units = filter.units, units.isEmpty { return [] }
        let sql = try database.sql
        var select = sql.select()
            .column(SQLColumn("id", table: "r")).column(SQLColumn("received_at", table: "r"))
            .column(SQLColumn("target_id", table: "r")).column(SQLColumn("unit_id", table: "r"))
            .column(SQLColumn("channel", table: "r")).column(SQLColumn("language", table: "r"))
            .column(SQLColumn("recommendation", table: "r")).column(SQLColumn("open_text", table: "r"))
            .column(SQLColumn("themes", table: "r")).column(SQLColumn("sentiment", table: "r"))
            .column(SQLColumn("flagged_at", table: "r")).column(SQLColumn("hidden_from_public", table: "r"))
            .column(SQLColumn("published_at", table: "r"))
            .column(SQLQueryString("CASE WHEN \(readByUser(userID)) THEN 1 ELSE 0 END"), as: "is_read")
            .from(SQLAlias(SQLIdentifier(FeedbackResponse.schema), as: SQLIdentifier("r")))
        select = conditions(filter, organisationID: organisationID, userID: userID, select)
        if let cursor {
            select = select.where(SQLQueryString(
                "(r.received_at < \(bind: cursor.receivedAt) OR (r.received_at = \(bind: cursor.receivedAt) AND r.id < \(bind: cursor.id)))"))
        }
        let rows = try await select
            .orderBy(SQLOrderBy(expression: SQLColumn("received_at", table: "r"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "r"), direction: SQLDirection.descending))
            .limit(limit).offset(offset)
            .all()
        return try rows.map(Self.row)
    }

    private static func row(_ row: any SQLRow) throws -> Row {
        let themes: String? = try row.decode(column: "themes", as: String?.self)
        let isRead: Int = try row.decode(column: "is_read", as: Int.self)
        let flaggedAt: Date? = try row.decode(column: "flagged_at", as: Date?.self)
        let openText: String? = try row.decode(column: "open_text", as: String?.self)
        return Row(id: try row.decode(column: "id", as: UUID.self), receivedAt: try row.decode(column: "received_at", as: Date.self),
                   targetID: try row.decode(column: "target_id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                   channel: try row.decode(column: "channel", as: String.self), language: try row.decode(column: "language", as: String.self),
                   recommendation: try row.decode(column: "recommendation", as: Int?.self), openText: openText ?? "",
                   themes: ResponseInsert.themeCodes(themes), sentiment: try row.decode(column: "sentiment", as: String?.self),
                   read: isRead != 0, flagged: flaggedAt != nil,
                   hiddenFromPublic: try row.decode(column: "hidden_from_public", as: Bool.self),
                   publishedAt: try row.decode(column: "published_at", as: Date?.self))
    }

    /// The filter as SQL. `open_text IS NOT NULL` stays literal so that both
    /// databases match it to the partial indexes of M058.
    static func conditions(_ filter: Filter, organisationID: UUID, userID: UUID, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        var builder = select
            .where(SQLColumn("organisation_id", table: "r"), .equal, SQLBind(organisationID))
            .where(SQLRaw("r.open_text IS NOT NULL"))
        if let units = filter.units {
            builder = builder.where(SQLColumn("unit_id", table: "r"), .in, SQLBind.group(units))
        }
        // The period is on the day the answer was given, but the page is in
        // the order received: `+` keeps SQLite from sorting a year of answers
        // found through `responses_org_day` instead of walking the feed's
        // index, and an answer is never received before it was given (a day's
        // grace for a device's clock), so `from` also bounds that walk.
        if let from = filter.from {
            builder = builder.where(SQLQueryString("+r.local_day >= \(bind: from.rawValue)"))
            if let zone = filter.timeZone {
                builder = builder.where(SQLColumn("received_at", table: "r"), .greaterThanOrEqual,
                                        SQLBind(from.start(in: zone).addingTimeInterval(-86_400)))
            }
        }
        if let to = filter.to {
            builder = builder.where(SQLQueryString("+r.local_day <= \(bind: to.rawValue)"))
        }
        if let target = filter.targetID {
            builder = builder.where(SQLColumn("target_id", table: "r"), .equal, SQLBind(target))
        }
        for (column, value) in [("channel", filter.channel), ("language", filter.language), ("sentiment", filter.sentiment)] {
            if let value { builder = builder.where(SQLColumn(column, table: "r"), .equal, SQLBind(value)) }
        }
        if let theme = filter.theme {
            builder = builder.where(SQLQueryString("r.themes LIKE \(bind: "%," + likeEscaped(theme) + ",%") ESCAPE '\\'"))
        }
        if let score = filter.score {
            builder = builder.where(SQLColumn("recommendation", table: "r"), .greaterThanOrEqual, SQLBind(score.scores.lowerBound))
                .where(SQLColumn("recommendation", table: "r"), .lessThanOrEqual, SQLBind(score.scores.upperBound))
        }
        if let read = filter.read {
            builder = builder.where(read ? readByUser(userID) : SQLQueryString("NOT \(readByUser(userID))"))
        }
        if let flagged = filter.flagged {
            builder = builder.where(SQLRaw(flagged ? "r.flagged_at IS NOT NULL" : "r.flagged_at IS NULL"))
        }
        if let text = filter.text.map(folded), !text.isEmpty {
            builder = builder.where(SQLQueryString("\(foldedColumn("r.open_text")) LIKE \(bind: "%" + likeEscaped(text) + "%") ESCAPE '\\'"))
        }
        return builder
    }

    private static func readByUser(_ userID: UUID) -> SQLQueryString {
        SQLQueryString("EXISTS (SELECT 1 FROM feedback_reads fr WHERE fr.user_id = \(bind: userID) AND fr.response_id = r.id)")
    }

    /// `%`, `_` and the escape itself taken literally in a LIKE pattern.
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The letters the search folds to lower case. SQLite's LOWER knows only
    /// ASCII, so the Nordic and a few other capitals are replaced by hand on
    /// both databases alike; what a resident types in fi/sv/en is covered.
    static let foldedCapitals: [(String, String)] = [("Ä", "ä"), ("Ö", "ö"), ("Å", "å"), ("Ü", "ü"), ("É", "é"), ("Š", "š"), ("Ž", "ž")]

    static func folded(_ text: String) -> String {
        foldedCapitals.reduce(text.lowercased()) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static func foldedColumn(_ column: String) -> SQLRaw {
        SQLRaw(foldedCapitals.reduce("LOWER(\(column))") { "REPLACE(\($0), '\($1.0)', '\($1.1)')" })
    }
}
