import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the idea pages. Ideas are the whole organisation's, so the unit
/// choices are all of its units, not the viewer's subtree.
enum IdeasQuery {
    /// The organisation's categories with their names in `language`: its own names, else the catalogue's.
    static func categories(_ desk: IdeaDesk, catalogue: Catalogue, language: Language) async throws -> [(code: String, name: String)] {
        try await IdeaCategories.entries(organisationID: desk.organisationID, on: desk.request.db).map { entry in
            (entry.code, entry.name?[language] ?? catalogue.text("idea.category.\(entry.code)", language))
        }
    }

    static func units(_ desk: IdeaDesk, language: Language) -> [UnitOption] {
        guard let root = desk.scope.units.values.first(where: { $0.parentID == nil })?.id else { return [] }
        return desk.scope.unitOptions(under: root, language: language)
    }

    static func list(_ desk: IdeaDesk, filters asked: IdeaListFilters, context: PageContext) async throws -> IdeasModel {
        let language = context.language, catalogue = context.catalogue
        // An unknown value in the address is dropped rather than refused: the page shows the rest.
        var filters = asked
        var filter = IdeaFilter()
        for _ in 0..<4 {
            do {
                filter = try await desk.filter(status: filters.status, category: filters.category, unit: filters.unit, year: filters.year)
                break
            } catch let problem as IdeaProblem {
                switch problem.field {
                case "status": filters.status = ""
                case "category": filters.category = ""
                case "unit": filters.unit = ""
                default: filters.year = ""
                }
            }
        }
        let db = desk.request.db
        let categories = try await categories(desk, catalogue: catalogue, language: language)
        let names = Dictionary(categories.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let zone = try await desk.timeZone()
        let counts = try await Ideas.counts(organisationID: desk.organisationID, filter: filter, categoryCodes: categories.map(\.code),
                                            zone: zone, on: db)
        let allYears = try await Ideas.counts(organisationID: desk.organisationID, filter: IdeaFilter(), categoryCodes: [], zone: zone, on: db)
            .years.map(\.key)
        let shown = try await Ideas.list(organisationID: desk.organisationID, filter: filter, limit: 201, on: db)
        let people = try await IdeaPeople.of(organisationID: desk.organisationID, on: db)
        let named = IdeasModel.counts(counts, statusName: { catalogue.text("staff.ideas.status.\($0.rawValue)", language) },
                                      categoryName: { names[$0] ?? $0 })
        return IdeasModel(
            filters: filters, categories: categories, units: units(desk, language: language), years: allYears.reversed(),
            total: counts.total, statusCounts: named.statuses, categoryCounts: named.categories, yearCounts: named.years,
            rows: shown.prefix(200).map { idea in
                let dto = IdeaDTO(idea, unitCode: "", people: people, viewer: desk.userID)
                return IdeasModel.Row(id: dto.id, title: idea.title, status: idea.statusValue, category: names[idea.category] ?? idea.category,
                                      unit: desk.scope.units[idea.unitID]?.name[language] ?? "", submitted: StaffForm.date(idea.createdAt, in: zone, withTime: false),
                                      submitter: dto.submitter, owner: dto.ownerName, mine: dto.mine)
            },
            truncated: shown.count > 200)
    }

    static func form(_ desk: IdeaDesk, draft: IdeaFormModel.Draft? = nil, problem: IdeaProblem? = nil, context: PageContext) async throws -> IdeaFormModel {
        let own = desk.scope.units[desk.scope.staff.unitID]?.code ?? ""
        return IdeaFormModel(categories: try await categories(desk, catalogue: context.catalogue, language: context.language),
                             units: units(desk, language: context.language),
                             draft: draft ?? .init(category: IdeaCategoryDefaults.fallback, unit: own), problem: problem)
    }

    static func idea(_ idea: Idea, desk: IdeaDesk, context: PageContext) async throws -> IdeaModel {
        let language = context.language, db = desk.request.db
        let categories = try await categories(desk, catalogue: context.catalogue, language: language)
        let people = try await IdeaPeople.of(organisationID: desk.organisationID, on: db)
        let zone = try await desk.timeZone()
        let dto = IdeaDTO(idea, unitCode: "", people: people, viewer: desk.userID)
        let comments = try await Ideas.comments(of: dto.id, on: db).map { comment in
            IdeaModel.Comment(author: comment.authorID.flatMap { people.name($0) } ?? "–", written: StaffForm.date(comment.createdAt, in: zone),
                              text: comment.text)
        }
        let handling = desk.mayHandle(idea) ? IdeaModel.Handling(
            statuses: IdeaModel.statusChoices(from: idea.statusValue),
            owners: people.active.map { ($0.id.uuidString, $0.name == $0.email ? $0.email : "\($0.name) (\($0.email))") },
            categories: categories) : nil
        return IdeaModel(id: dto.id, title: idea.title, description: idea.description, status: idea.statusValue,
                         category: categories.first { $0.code == idea.category }?.name ?? idea.category, categoryCode: idea.category,
                         unit: desk.scope.units[idea.unitID]?.name[language] ?? "", submitted: StaffForm.date(idea.createdAt, in: zone),
                         submitter: dto.submitter, anonymous: idea.anonymous, mine: dto.mine, owner: dto.ownerName, ownerID: idea.ownerID,
                         comments: comments, handling: handling)
    }
}
