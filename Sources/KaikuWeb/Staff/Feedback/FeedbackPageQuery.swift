import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads one page of the feed for a staff member, and the choices its filters offer.
enum FeedbackPageQuery {
    static func load(_ filters: FeedbackFilters, page: Int, scope: StaffScope, context: PageContext, notice: String? = nil,
                     refusal: FeedbackPageModel.Refusal? = nil, on database: any Database) async throws -> FeedbackPageModel {
        let language = context.language
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else { throw Abort(.forbidden) }
        let entries = try await ThemeCatalogue.entries(organisationID: scope.staff.organisationID, on: database)
        let themes = entries.map { FeedbackPageModel.Option(code: $0.code, name: $0.name(in: language, defaultName: { context.t("theme.\($0)") })) }
        let targets = try await Target.query(on: database)
            .filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ scope.visible)
            .sort(\.$code).all()
        var model = FeedbackPageModel(
            filters: filters, page: page, items: [], hasNext: false,
            units: scope.unitOptions(under: scope.staff.unitID, language: language),
            targets: targets.map { FeedbackPageModel.Option(code: $0.code, name: $0.name[language]) }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending },
            themes: themes, canAct: scope.staff.role != .analyst, notice: notice, filterError: nil, refusal: refusal)
        let filter: FeedbackFeed.Filter
        do {
            filter = try await filters.resolve(scope: scope, themeCodes: entries.map(\.code), timeZone: organisation.timeZone, on: database)
        } catch let error as FieldError {
            model.filterError = (error.field ?? "", error.message)
            return model
        }
        // One row more than the page tells whether a next page exists, without counting them all.
        let rows = try await FeedbackFeed.page(filter, organisationID: scope.staff.organisationID, userID: scope.staff.userID,
                                               limit: FeedbackPageModel.pageSize + 1, offset: (page - 1) * FeedbackPageModel.pageSize,
                                               on: database)
        let targetsByID = try await FeedbackListing.targets(of: rows, on: database)
        let names = Dictionary(themes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        model.hasNext = rows.count > FeedbackPageModel.pageSize
        model.items = rows.prefix(FeedbackPageModel.pageSize).map { row in
            FeedbackPageModel.item(row, target: targetsByID[row.targetID]?.name[language] ?? "", unit: scope.units[row.unitID]?.name[language] ?? "",
                                   themeNames: names, zone: organisation.timeZone, publishing: organisation.openTextPublishing, context: context)
        }
        return model
    }
}
