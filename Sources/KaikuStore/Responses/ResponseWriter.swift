import FluentKit
import Foundation
import Logging
import SQLKit

/// Stores responses in groups: while one transaction commits, the requests
/// that arrive queue up and go into the next one. Every caller is answered
/// only after the transaction holding its response has committed, so an
/// acknowledged answer is durable, yet the disk's fsync rate does not cap
/// throughput.
public actor ResponseWriter {
    private struct Pending {
        var response: NewResponse
        var continuation: CheckedContinuation<StoredReceipt, any Error>
    }

    private let database: any Database
    /// On a SQLite file: the writer's own connection and thread (`SQLiteWriterDatabase`).
    private let direct: (database: SQLiteWriterDatabase, executor: DedicatedTaskExecutor)?
    private let cipher: ContactCipher
    private let logger: Logger
    private let maxBatch: Int
    private var queue: [Pending] = []
    private var draining = false
    /// Transactions committed and responses written through them, for
    /// benchmarks and for tests that grouping really happens.
    public private(set) var commits = 0
    public private(set) var written = 0

    public init(database: any Database, cipher: ContactCipher, logger: Logger, maxBatch: Int = 500, direct: SQLiteWriterDatabase? = nil) {
        self.database = database
        self.direct = direct.map { ($0, DedicatedTaskExecutor()) }
        self.cipher = cipher
        self.logger = logger
        self.maxBatch = maxBatch
    }

    public func write(_ response: NewResponse) async throws -> StoredReceipt {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(response: response, continuation: continuation))
            if !draining {
                draining = true
                if let executor = direct?.executor {
                    Task(executorPreference: executor) { await self.drain() }
                } else {
                    Task { await self.drain() }
                }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            await store(batch)
        }
        draining = false
    }

    private func store(_ batch: [Pending]) async {
        do {
            let results = try await storeBatch(batch.map(\.response), checkingReceipts: false)
            commits += 1
            written += batch.count
            for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
        } catch {
            // One bad row must not fail its neighbours: retry one by one so
            // each caller gets its own outcome, with the receipts checked
            // (a taken one fails the group on PostgreSQL).
            logger.warning("group commit of \(batch.count) failed, storing one by one: \(StoreErrorSummary(error))")
            for pending in batch {
                do {
                    let result = try await storeBatch([pending.response], checkingReceipts: true)[0]
                    pending.continuation.resume(with: result)
                } catch {
                    pending.continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Stops the writer's own thread, once no answer is being written.
    public func shutdown() async {
        await direct?.executor.shutdown()
    }

    private func storeBatch(_ batch: [NewResponse], checkingReceipts: Bool) async throws -> [Result<StoredReceipt, any Error>] {
        let cipher = self.cipher
        if let direct = direct?.database {
            return try await direct.writeTransaction { sql in try await Self.store(batch, cipher: cipher, checkingReceipts: true, on: sql) }
        }
        return try await database.writeTransaction { transaction in
            try await Self.store(batch, cipher: cipher, checkingReceipts: checkingReceipts, on: try transaction.sql)
        }
    }

    /// Receipts are random; with millions stored, one may already be taken.
    /// On SQLite the check is a few index reads in process. On PostgreSQL it
    /// is a round trip for a clash that comes about once in 100,000 answers
    /// with ten million stored: the receipts' unique index catches it, and the
    /// group is stored again one by one with the check.
    private static func store(_ batch: [NewResponse], cipher: ContactCipher, checkingReceipts: Bool, on sql: any SQLDatabase) async throws -> [Result<StoredReceipt, any Error>] {
        var responses = batch
        if try checkingReceipts || sql.flavour != .postgres {
            try await ResponseInsert.assignUniqueReceipts(&responses, on: sql)
        }
        let earlier = try await IdempotencyLookup.find(keys: responses.compactMap(\.idempotencyKey), on: sql)
        var results: [Result<StoredReceipt, any Error>] = []
        var fresh: [NewResponse] = []
        var claimed = earlier
        for response in responses {
            if let key = response.idempotencyKey, let first = claimed[key] {
                results.append(first.hash == response.requestHash
                    ? .success(StoredReceipt(id: first.id, receipt: first.receipt, replayed: true))
                    : .failure(ResponseWriteError.idempotencyKeyReused))
                continue
            }
            if let key = response.idempotencyKey {
                claimed[key] = .init(id: response.id, receipt: response.receipt, hash: response.requestHash)
            }
            fresh.append(response)
            results.append(.success(StoredReceipt(id: response.id, receipt: response.receipt, replayed: false)))
        }
        try await ResponseInsert.insert(fresh, cipher: cipher, on: sql)
        return results
    }
}
