import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads one page of the open text of the user's units waiting for review.
enum ReviewQuery {
    static let pageSize = 20

    static func load(page: Int, scope: StaffScope, context: PageContext, notice: String? = nil, error: String? = nil,
                     on database: any Database) async throws -> ReviewModel {
        let language = context.language
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else { throw Abort(.forbidden) }
        let (total, responses) = try await PublicReview.waiting(
            organisationID: scope.staff.organisationID, unitIDs: Array(scope.visible), limit: pageSize,
            offset: (page - 1) * pageSize, on: database)
        let targets = try await Target.query(on: database).filter(\.$id ~~ Set(responses.map(\.targetID))).all()
        let targetNames = Dictionary(uniqueKeysWithValues: targets.compactMap { target in target.id.map { ($0, target.name[language]) } })
        let items = responses.compactMap { response -> ReviewModel.Item? in
            guard let id = response.id, let text = response.openText else { return nil }
            return ReviewModel.Item(id: id, target: targetNames[response.targetID] ?? "", unit: scope.units[response.unitID]?.name[language] ?? "",
                                    channel: response.channel, language: response.language,
                                    received: StaffForm.date(response.receivedAt, in: organisation.timeZone), text: text)
        }
        return ReviewModel(items: items, total: total, page: page, pageSize: pageSize, notice: notice, error: error)
    }
}
