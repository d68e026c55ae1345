import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Runs a units or targets import for the API, the pages and the command
/// line alike, and makes this server see the new tree at once: the org tree
/// and target caches are emptied after anything was applied (other servers'
/// caches catch up within their 30-second lifetime).
enum TreeImportRun {
    /// The largest file taken: a county's tree is a few thousand lines, far below it.
    static let maxFileBytes = 5 * 1024 * 1024

    static func units(_ text: String, organisation: Organisation, closeMissing: Bool, dryRun: Bool, expecting: String? = nil,
                      actor: AuditActor, app: Application) async throws -> (plan: UnitImportPlan, applied: Bool) {
        let result = try await UnitImport.run(text, organisation: organisation, closeMissing: closeMissing, dryRun: dryRun,
                                              expecting: expecting, actor: actor, at: app.kaiku.clock.now, on: app.db)
        if result.applied { await forgetCaches(app) }
        return result
    }

    static func targets(_ text: String, organisation: Organisation, dryRun: Bool, expecting: String? = nil,
                        actor: AuditActor, app: Application) async throws -> (plan: TargetImportPlan, applied: Bool) {
        let result = try await TargetImport.run(text, organisation: organisation, dryRun: dryRun, expecting: expecting,
                                                actor: actor, at: app.kaiku.clock.now, on: app.db)
        if result.applied { await forgetCaches(app) }
        return result
    }

    static func forgetCaches(_ app: Application) async {
        await app.kaiku.orgTrees.removeAll()
        await app.kaiku.targetCache.removeAll()
    }

    /// A file's bytes as text: UTF-8 (a byte order mark is the reader's to skip), or nil.
    static func text(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: Array(bytes), as: UTF8.self)
    }
}
