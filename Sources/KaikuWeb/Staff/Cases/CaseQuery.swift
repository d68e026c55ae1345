import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads everything the case page shows, for a first view and for a form
/// that was refused and is shown again with its error.
enum CaseQuery {
    static func load(_ id: UUID?, scope: StaffScope, now: Date, context: PageContext, survey: SurveyDefinition, cipher: ContactCipher,
                     notice: String? = nil, error: String? = nil, draft: CaseModel.Draft? = nil, on database: any Database) async throws -> CaseModel {
        let language = context.language
        let detail = try await CaseDetailDTO.load(id, scope: scope, now: now, cipher: cipher, on: database)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else {
            throw Abort(.notFound)
        }
        let templates = try await ReplyTemplate.query(on: database)
            .filter(\.$organisationID == scope.staff.organisationID).sort(\.$name).all()
        let caseUnit = scope.unit(code: detail.unit)?.id
        var assignable: [(String, String)] = []
        let canAssign = [.supervisor, .administrator].contains(scope.staff.role)
        if canAssign, let caseUnit {
            let chain = Set([caseUnit] + scope.tree.ancestors(of: caseUnit))
            assignable = try await User.query(on: database)
                .filter(\.$organisationID == scope.staff.organisationID).filter(\.$unitID ~~ chain).filter(\.$lockedAt == nil).filter(\.$deactivatedAt == nil)
                .sort(\.$email).all()
                .filter { $0.roleValue != nil && $0.roleValue != .analyst }
                .map { ($0.email, $0.displayName) }
        }
        let pending = try await CaseAnswerJob.pending(for: detail.id, on: database)
        let notified = Set(detail.history.filter { [CaseEventKind.reminded.rawValue, CaseEventKind.escalated.rawValue].contains($0.kind) }
            .compactMap(\.detail))
        let recipients = try await notified.isEmpty ? [] : User.query(on: database)
            .filter(\.$organisationID == scope.staff.organisationID).filter(\.$email ~~ notified).all()
        let root = scope.tree.roots.first { scope.units[$0] != nil } ?? scope.staff.unitID
        let unitNames = Dictionary(scope.units.values.map { ($0.code, $0.name[language]) }, uniquingKeysWith: { first, _ in first })
        return CaseModel(
            detail: detail, zone: organisation.timeZone, unitNames: unitNames,
            answers: CaseModel.answers(detail.response.answers, survey: survey, language: language),
            canAct: CaseAccess.actingRoles.contains(scope.staff.role), canAssign: canAssign,
            templates: CaseModel.templates(templates.compactMap { template in
                template.id.map { CaseModel.Template(id: $0, name: template.name, language: template.language) }
            }, customerLanguage: detail.response.language),
            assignable: assignable,
            rerouteUnits: CaseModel.rerouteUnits(scope.unitOptions(under: root, language: language), caseUnit: detail.unit),
            pendingAnswer: pending.map { CaseModel.PendingAnswer(attempts: $0.attempts, lastError: $0.lastError) }, draft: draft,
            recipientNames: Dictionary(recipients.map { ($0.email, $0.displayName) }, uniquingKeysWith: { first, _ in first }),
            notice: notice.flatMap { CaseModel.noticeKeys.contains($0) ? $0 : nil }, error: error)
    }
}
