import FluentKit
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
            var taken = Set<String>()
            for chunk in pending.chunked(into: 1_000) {
                let rows = try await sql.select().column("receipt").from(FeedbackResponse.schema)
                    .where("receipt", .in, SQLBind.group(chunk.map { responses[$0].receipt })).all()
                for row in rows { taken.insert(try row.decode(column: "receipt", as: String.self)) }
            }
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

    /// `rollups: false` is for generators that count the rollups themselves.
    /// Receipts must be unique already (`assignUniqueReceipts`).
    public static func insert(_ responses: [NewResponse], cipher: ContactCipher, rollups: Bool = true, on sql: any SQLDatabase) async throws {
        if rollups {
            var accumulator = RollupAccumulator()
            for response in responses { accumulator.add(response.rollupAnswer) }
            try await RollupStore.add(accumulator, on: sql)
        }
        try await BulkInsert.run(into: FeedbackResponse.schema, columns: responseColumns, rows: responses.map(values), on: sql)
        let cases = responses.compactMap { response in response.caseOpening.map { (response, $0) } }
        for chunk in cases.chunked(into: rowsPerStatement) {
            let insert = sql.insert(into: FeedbackCase.schema).columns(
                "id", "organisation_id", "response_id", "unit_id", "original_unit_id", "receipt", "status",
                "received_at", "due_at", "closed_at", "first_contact_at")
            for (response, opening) in chunk {
                insert.values([
                    SQLBind(opening.id), SQLBind(response.organisationID), SQLBind(response.id), SQLBind(response.unitID),
                    SQLBind(response.unitID), SQLBind(response.receipt), SQLBind(opening.status.rawValue),
                    SQLBind(response.receivedAt), SQLBind(opening.dueAt), SQLBind(opening.closedAt),
                    SQLBind(opening.firstContactAt),
                ])
            }
            try await insert.run()
        }
        let events = cases.flatMap { _, opening in opening.history.map { (opening.id, $0.0, $0.1) } }
        for chunk in events.chunked(into: rowsPerStatement * 2) {
            let insert = sql.insert(into: CaseEvent.schema).columns("id", "case_id", "at", "kind")
            for (caseID, kind, at) in chunk {
                insert.values([SQLBind(UUID()), SQLBind(caseID), SQLBind(at), SQLBind(kind.rawValue)])
            }
            try await insert.run()
        }
        for (_, opening) in cases where opening.status.isPending {
            for job in CaseJobs.schedule(caseID: opening.id, receivedAt: opening.history.first?.1 ?? opening.dueAt, dueAt: opening.dueAt) {
                try await JobQueue.enqueue(kind: job.kind, payload: job.payload, runAt: job.runAt, uniqueKey: job.uniqueKey, on: sql)
            }
        }
        for (response, opening) in cases where response.confirmsByEmail && opening.status.isPending && response.submission.contact?.email != nil {
            let job = CaseJobs.confirm(caseID: opening.id, at: response.receivedAt)
            try await JobQueue.enqueue(kind: job.kind, payload: job.payload, runAt: job.runAt, uniqueKey: job.uniqueKey,
                                       maxAttempts: CaseJobs.confirmationAttempts, on: sql)
        }
        let contacts = responses.compactMap { response in response.submission.contact.map { (response.id, $0) } }
        for chunk in contacts.chunked(into: rowsPerStatement) {
            let insert = sql.insert(into: ResponseContact.schema).columns("id", "response_id", "name", "email", "phone")
            for (id, contact) in chunk {
                insert.values([SQLBind(UUID()), SQLBind(id), SQLBind(try cipher.seal(contact.name)),
                               SQLBind(try cipher.seal(contact.email)), SQLBind(try cipher.seal(contact.phone))])
            }
            try await insert.run()
        }
    }
}

extension Array {
    /// Splits into runs of at most `size`, for statements with a bounded number of parameters.
    public func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
