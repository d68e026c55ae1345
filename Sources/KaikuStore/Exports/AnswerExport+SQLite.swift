import Foundation
import KaikuCore
import NIOPosix
import SQLiteNIO

extension AnswerExport {
    /// Reads an export from a SQLite file through the C interface on a
    /// connection of its own, off the event loops and Swift's cooperative
    /// threads. One statement runs across batches: a keyset query per batch
    /// would scan the cursor's day up to the cursor again each time. After
    /// `restartAfter` the statement is prepared again from where it stopped,
    /// so that a slow download never holds one snapshot of the WAL for long.
    final class SQLiteFileReader: @unchecked Sendable {
        private let selection: Selection
        private let codes: ExportCodes
        private let connection: SQLiteDirectConnection
        private let restartAfter: TimeInterval
        private var statement: SQLiteDirectConnection.Statement?
        private var preparedAt = Date.distantPast
        private var cursor: Cursor?
        private var finished = false

        init(path: String, selection: Selection, codes: ExportCodes, restartAfter: TimeInterval = 30) throws {
            self.selection = selection
            self.codes = codes
            self.connection = try SQLiteDirectConnection(path: path)
            self.restartAfter = restartAfter
        }

        /// The next batch, empty when there are no more rows.
        func next() async throws -> [AnswerRecord] {
            try await NIOThreadPool.singleton.runIfActive { try self.readBatch() }
        }

        private func readBatch() throws -> [AnswerRecord] {
            guard !finished else { return [] }
            if statement == nil || Date().timeIntervalSince(preparedAt) > restartAfter {
                statement = nil
                statement = try prepare()
                preparedAt = Date()
            }
            guard let statement else { return [] }
            var records: [AnswerRecord] = []
            records.reserveCapacity(selection.batchSize)
            while records.count < selection.batchSize {
                guard try statement.step() else {
                    finished = true
                    self.statement = nil
                    break
                }
                records.append(record(statement))
            }
            return records
        }

        private func prepare() throws -> SQLiteDirectConnection.Statement {
            var text = "SELECT rowid, " + columns(selection).joined(separator: ", ")
                + " FROM responses WHERE organisation_id = ? AND local_day BETWEEN ? AND ?"
            var binds: [SQLiteDirectConnection.Statement.Value] = [
                .text(selection.organisationID.uuidString), .integer(selection.from.rawValue), .integer(selection.to.rawValue),
            ]
            if let cursor, case .rowid(let rowid) = cursor.key {
                text += " AND (local_day, rowid) > (?, ?)"
                binds += [.integer(cursor.day), .integer(rowid)]
            }
            if let units = selection.units {
                text += " AND " + SQLFlavour.sqlite.column("unit_id", in: units.count, parameter: binds.count + 1)
                binds += units.map { .text($0.uuidString) }
            }
            // The day index holds (organisation, day, rowid): a range scan in this order, with no sort.
            text += " ORDER BY local_day, rowid"
            let statement = try connection.prepare(text)
            statement.bind(binds)
            return statement
        }

        private func record(_ statement: SQLiteDirectConnection.Statement) -> AnswerRecord {
            let day = statement.integer(3) ?? 0
            cursor = Cursor(day: day, key: .rowid(statement.integer(0) ?? 0))
            var record = AnswerRecord(
                id: statement.text(1) ?? "", answeredAt: seconds(statement, 2), localDay: day,
                unit: codes.unit(statement.text(4) ?? ""), target: codes.target(statement.text(5) ?? ""),
                channel: statement.text(7) ?? "", language: statement.text(8) ?? "",
                respondent: statement.text(9), ageGroup: statement.text(10), serviceMode: statement.text(11),
                recommendation: statement.integer(12), survey: statement.text(6).flatMap(codes.statements.survey(key:)),
                statements: statement.text(13))
            if selection.includeText {
                record.themes = statement.text(14)
                record.sentiment = statement.text(15)
                record.openText = statement.text(16)
            }
            return record
        }

        /// Dates are stored as seconds since 1970 (`BulkValue.date`); text is what an older writer may have left.
        private func seconds(_ statement: SQLiteDirectConnection.Statement, _ column: Int32) -> Double {
            guard statement.isText(column), let text = statement.text(column) else { return statement.double(column) }
            return Date(sqliteData: .text(text))?.timeIntervalSince1970 ?? 0
        }
    }
}
