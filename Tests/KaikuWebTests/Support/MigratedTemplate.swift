import FluentKit
import Foundation
import KaikuStore
import SQLKit
import Synchronization

/// A migrated, still empty SQLite database that later tests of the process copy
/// instead of running every migration again: in a debug build the migrations
/// cost more than most tests themselves.
///
/// The first `withApp` migrates as before and keeps a copy of the result
/// (before `Bootstrap`, which depends on each test's settings); the copy is
/// made with `VACUUM INTO`, a consistent snapshot even while the write-ahead
/// log holds part of the file. The template is removed when the process ends.
enum MigratedTemplate {
    private static let path = Mutex<String?>(nil)

    /// Puts a copy of the template at `destination`, if there is one yet.
    static func copy(to destination: String) throws {
        guard let template = path.withLock({ $0 }) else { return }
        try FileManager.default.copyItem(atPath: template, toPath: destination)
    }

    /// Keeps `database` (just migrated) as the template, unless one is kept already.
    static func keep(_ database: any Database) async throws {
        guard path.withLock({ $0 }) == nil else { return }
        let sql = try database.sql
        let candidate = FileManager.default.temporaryDirectory
            .appendingPathComponent("kaiku-template-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite").path
        try await sql.raw("VACUUM INTO \(bind: candidate)").run()
        let kept = path.withLock { current -> Bool in
            guard current == nil else { return false }
            current = candidate
            return true
        }
        if kept {
            atexit { MigratedTemplate.remove() }
        } else {
            try? FileManager.default.removeItem(atPath: candidate)
        }
    }

    private static func remove() {
        if let template = path.withLock({ $0 }) { unlink(template) }
    }
}
