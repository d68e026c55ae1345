import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Gathers everything the case page shows, for a first view and for a
/// form that was refused and is shown again with its error.
enum CasePageLoader {
    static let noticeKeys = Set(["take", "assign", "notes", "reroute", "refer", "close", "answer", "answerQueued", "published", "withdrawn"].map { "staff.done.\($0)" })

    static func load(_ id: UUID?, on request: Request, notice: String? = nil, error: String? = nil) async throws -> CasePage {
        let scope = try await request.requireScope()
        let session = try request.auth.require(SessionToken.self)
        let language = request.pageLanguage
        let detail = try await CaseDetailDTO.load(id, scope: scope, on: request)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else {
            throw Abort(.notFound)
        }
        let templates = try await ReplyTemplate.query(on: request.db)
            .filter(\.$organisationID == scope.staff.organisationID).sort(\.$name).all()
        let caseUnit = scope.unit(code: detail.unit)?.id
        var assignable: [String] = []
        let canAssign = [.supervisor, .administrator].contains(scope.staff.role)
        if canAssign, let caseUnit {
            let chain = Set([caseUnit] + scope.tree.ancestors(of: caseUnit))
            assignable = try await User.query(on: request.db)
                .filter(\.$organisationID == scope.staff.organisationID).filter(\.$unitID ~~ chain).filter(\.$lockedAt == nil)
                .sort(\.$email).all()
                .filter { $0.roleValue != nil && $0.roleValue != .analyst }
                .map(\.email)
        }
        let pending = try await CaseAnswerJob.pending(for: detail.id, on: request.db)
        let root = scope.tree.roots.first { scope.units[$0] != nil } ?? scope.staff.unitID
        let unitNames = Dictionary(scope.units.values.map { ($0.code, $0.name[language]) }, uniquingKeysWith: { first, _ in first })
        return CasePage(
            language: language, catalogue: request.kaiku.catalogue, session: session, detail: detail, zone: organisation.timeZone,
            unitNames: unitNames, survey: request.kaiku.nationalSurvey,
            canAct: CaseAccess.actingRoles.contains(scope.staff.role), canAssign: canAssign,
            templates: templates.map { (id: $0.id!, name: $0.name) }, assignable: assignable,
            units: scope.unitOptions(under: root, language: language),
            pendingAnswer: pending.map { CasePage.PendingAnswer(attempts: $0.attempts, lastError: $0.lastError) },
            notice: notice.flatMap { noticeKeys.contains($0) ? $0 : nil }, error: error)
    }
}
