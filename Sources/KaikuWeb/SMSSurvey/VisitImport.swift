import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `kaiku visits import FILE [--org CODE]`: visits from a CSV file with the
/// header `visit_id,time,unit,phone,language,consent,non_disclosure` (and
/// optionally `target`), comma or semicolon separated. Each row goes the same
/// way as `POST /api/v1/visits`; a row that is refused is reported with its
/// line and the others still go in. A file without the columns changes nothing.
enum VisitImport {
    static let required = ["visit_id", "time", "unit", "phone", "language", "consent", "non_disclosure"]

    struct Summary {
        var scheduled = 0
        var skipped: [String: Int] = [:]
        var known = 0
        var refused: [(line: Int, message: String)] = []

        var text: String {
            let skips = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return "\(scheduled) visit(s) scheduled for a question, \(skipped.values.reduce(0, +)) skipped"
                + (skips.isEmpty ? "" : " (\(skips))") + ", \(known) already known, \(refused.count) row(s) refused."
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ text: String, organisationID: UUID, app: Application,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> Summary {
        let records: [(line: Int, fields: [String])]
        do {
            records = try CSVReader.records(text)
        } catch {
            throw Failure(description: "The file is not valid CSV: a quoted field that starts on line \(error.line) never ends.")
        }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw Failure(description: "The file is empty: it needs the header \(required.joined(separator: ",")) and a row per visit.")
        }
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw Failure(description: "The header lacks \(missing.joined(separator: ", ")): it must name \(required.joined(separator: ",")) (target is optional).")
        }
        var summary = Summary()
        let directory = VisitDirectory(organisationID: organisationID)
        let context = try await SMSSurveyStore.intakeContext(organisationID: organisationID, on: app.db)
        let rows = Array(records.dropFirst())
        // One transaction per batch: a commit per row made SQLite sync to disk for every visit.
        for start in stride(from: 0, to: rows.count, by: batchSize) {
            let batch = rows[start..<min(start + batchSize, rows.count)]
            let before = summary
            summary = try await app.db.writeTransaction { database in
                var summary = before
                for record in batch {
                    try await importRow(record, header: header, into: &summary, directory: directory, context: context, app: app, on: database)
                }
                return summary
            }
            progress?(batch.endIndex, rows.count)
        }
        return summary
    }

    static let batchSize = 500

    /// One row as `POST /api/v1/visits` would take it; a refused row is noted with its line.
    private static func importRow(_ record: (line: Int, fields: [String]), header: [String], into summary: inout Summary,
                                  directory: VisitDirectory, context: SMSSurveyStore.IntakeContext, app: Application,
                                  on database: any Database) async throws {
        var row: [String: String] = [:]
        for (index, name) in header.enumerated() where index < record.fields.count { row[name] = record.fields[index] }
        do {
            let intake = try await VisitIntakeParser.parse(
                visitID: row["visit_id"] ?? "", time: row["time"] ?? "", unit: row["unit"] ?? "", target: row["target"],
                phone: row["phone"], language: row["language"], consent: try flag(row["consent"], "consent"),
                nonDisclosure: try flag(row["non_disclosure"], "non_disclosure"), directory: directory, on: database)
            let (visit, isNew) = try await SMSSurveyStore.receive(intake, organisationID: directory.organisationID, context: context,
                                                                  cipher: app.kaiku.cipher, now: app.kaiku.clock.now, on: database)
            guard isNew else { summary.known += 1; return }
            try await SMSSurveyJobs.schedule(visit, on: database)
            if let reason = visit.skipReason { summary.skipped[reason, default: 0] += 1 } else { summary.scheduled += 1 }
        } catch let error as FieldError {
            summary.refused.append((record.line, error.message))
        }
    }

    /// Yes and no as patient systems write them.
    static func flag(_ raw: String?, _ field: String) throws -> Bool {
        switch raw?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "true", "yes", "y", "kyllä", "k", "ja", "x": return true
        case "0", "false", "no", "n", "ei", "e", "nej", "": return false
        default: throw FieldError(field: field, message: "\(field) must be 1 or 0 (or true/false, yes/no, kyllä/ei), not \(raw ?? "").")
        }
    }
}
