import FluentPostgresDriver
import Foundation
import SQLKit

/// Finds responses stored earlier under the given idempotency keys.
public enum IdempotencyLookup {
    public struct Earlier: Sendable, Hashable {
        public var id: UUID
        public var receipt: String
        public var hash: String?
    }

    public static func find(keys: [String], on sql: any SQLDatabase) async throws -> [String: Earlier] {
        guard !keys.isEmpty else { return [:] }
        var found: [String: Earlier] = [:]
        if try sql.flavour == .postgres {
            var binds = PostgresBindings()
            binds.append(Array(Set(keys)))
            let query = PostgresQuery(
                unsafeSQL: "SELECT id, receipt, idempotency_key, request_hash FROM \(FeedbackResponse.schema) WHERE idempotency_key = ANY($1)",
                binds: binds)
            if let rows = try await PostgresRows.all(query, on: sql) {
                for row in rows {
                    let (id, receipt, key, hash) = try row.decode((UUID, String, String, String?).self)
                    found[key] = Earlier(id: id, receipt: receipt, hash: hash)
                }
                return found
            }
        }
        for chunk in Array(Set(keys)).chunked(into: 500) {
            let rows = try await sql.select()
                .columns("id", "receipt", "idempotency_key", "request_hash")
                .from(FeedbackResponse.schema)
                .where("idempotency_key", .in, Array(chunk))
                .all()
            for row in rows {
                let key = try row.decode(column: "idempotency_key", as: String.self)
                found[key] = Earlier(
                    id: try row.decode(column: "id", as: UUID.self),
                    receipt: try row.decode(column: "receipt", as: String.self),
                    hash: try row.decode(column: "request_hash", as: String?.self)
                )
            }
        }
        return found
    }
}
