import FluentKit
import FluentPostgresDriver
import Foundation
import KaikuCore
import SQLKit

/// The SQL that stores responses, shared by the group-commit writer and the
/// demo and data generators.
public enum ResponseInsert {
    static let responseColumns = [
        "id", "organisation_id", "target_id", "unit_id", "survey_id", "channel", "language",
        "respondent", "age_group", "service_mode", "recommendation", "open_text", "masked_kinds",
        "answered_at", "received_at", "local_day", "receipt", "idempotency_key", "request_hash", "wants_answer",
        "themes", "sentiment", "statements", "own_answers", "classified_with",
    ]

    /// Rows per INSERT, chosen to stay under SQLite's 32,766 bound parameters.
    static let rowsPerStatement = 1_000

    /// Inserts the responses with their statement answers and contacts. Call
    /// inside a transaction: the rows are only useful together.
    /// Gives a new receipt to any response whose random one is taken, in the
    /// batch or in the database: eight characters from 32 are about 10^12
    /// codes, so at ten million answers a clash is rare but certain to come.
    public static func assignUniqueReceipts(_ responses: inout [NewResponse], on sql: any SQLDatabase) async throws {
        var seen = Set<String>()
        var pending = Array(responses.indices)
        while !pending.isEmpty {
            let taken = try await takenReceipts(pending.map { responses[$0].receipt }, on: sql)
            var clashing: [Int] = []
            for index in pending {
                if taken.contains(responses[index].receipt) || !seen.insert(responses[index].receipt).inserted {
                    responses[index].receipt = ReceiptCode.make()
                    clashing.append(index)
                }
            }
            pending = clashing
        }
    }

    /// Which of the receipts are stored already. PostgreSQL gets them as one
    /// array, so the statement is the same for any number of them.
    private static func takenReceipts(_ receipts: [String], on sql: any SQLDatabase) async throws -> Set<String> {
        var taken = Set<String>()
        if try sql.flavour == .postgres {
            var binds = PostgresBindings()
            binds.append(receipts)
            let query = PostgresQuery(unsafeSQL: "SELECT receipt FROM \(FeedbackResponse.schema) WHERE receipt = ANY($1)", binds: binds)
            if let rows = try await PostgresRows.all(query, on: sql) {
                for row in rows { taken.insert(try row.decode(String.self)) }
                return taken
            }
        }
        for chunk in receipts.chunked(into: 1_000) {
            let rows = try await sql.select().column("receipt").from(FeedbackResponse.schema)
                .where("receipt", .in, SQLBind.group(Array(chunk))).all()
            for row in rows { taken.insert(try row.decode(column: "receipt", as: String.self)) }
        }
        return taken
    }

    /// `masked_kinds` as stored: "email,phone", nil when nothing was masked.
    static func maskedKindsText(_ kinds: Set<MaskedKind>) -> String? {
        kinds.isEmpty ? nil : kinds.map(\.rawValue).sorted().joined(separator: ",")
    }

    /// `themes` as stored: ",care,thanks," (strongest first), nil without themes.
    static func themesText(_ themes: [Theme]) -> String? {
        themesText(themes.map(\.rawValue))
    }

    /// `themes` as stored, from theme codes (defaults' raw values or an organisation's own).
    public static func themesText(_ codes: [String]) -> String? {
        codes.isEmpty ? nil : "," + codes.joined(separator: ",") + ","
    }

    /// The codes of a stored `themes` value, strongest first.
    public static func themeCodes(_ stored: String?) -> [String] {
        (stored ?? "").split(separator: ",").map(String.init)
    }

    /// A response's row, in the order of `responseColumns`.
    static func values(_ response: NewResponse) -> [BulkValue] {
        let s = response.submission
        let kinds = maskedKindsText(s.maskedKinds)
        return [
            .uuid(response.id), .uuid(response.organisationID), .uuid(response.targetID),
            .uuid(response.unitID), .uuid(response.surveyID), .text(s.channel.rawValue),
            .text(s.language.rawValue), .text(s.respondent?.rawValue), .text(s.choices["ageGroup"]),
            .text(s.choices["serviceMode"]), .int(s.recommendation), .text(s.openText),
            .text(kinds), .date(s.answeredAt), .date(response.receivedAt), .int(response.localDay),
            .text(response.receipt), .text(response.idempotencyKey), .text(response.requestHash),
            .bool(s.wantsAnswer),
            .text(response.classification.flatMap { themesText($0.themes) }),
            .text(response.classification?.sentiment.rawValue),
            .text(StatementValues.encode(response.statementSlots, count: response.statementCount)),
            .text(OwnAnswers.encode(s.ownAnswers)),
            .text(response.classifiedWith?.rawValue),
        ]
    }

    /// The rollup rows the responses add to, on either database.
    static func rollupRows(of responses: [NewResponse]) -> RollupAccumulator {
        var accumulator = RollupAccumulator()
        for response in responses { accumulator.add(response.rollupAnswer) }
        return accumulator
    }

    /// `rollups: false` is for generators that count the rollups themselves.
    /// Receipts must be unique already (`assignUniqueReceipts`), or the
    /// statement fails on the receipts' unique index and stores nothing.
    public static func insert(_ responses: [NewResponse], cipher: ContactCipher, rollups: Bool = true, on sql: any SQLDatabase) async throws {
        // A group of replays only (idempotency keys seen before) stores nothing.
        guard !responses.isEmpty else { return }
        if try sql.flavour == .postgres {
            try await insertPostgres(responses, rollups: rollups, on: sql)
        } else {
            if rollups { try await RollupStore.add(rollupRows(of: responses), on: sql) }
            try await BulkInsert.run(into: FeedbackResponse.schema, columns: responseColumns, rows: responses.map(values), on: sql)
        }
        try await insertFollowUps(responses, cipher: cipher, on: sql)
    }
}

extension Array {
    /// Splits into runs of at most `size`, for statements with a bounded number of parameters.
    public func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
