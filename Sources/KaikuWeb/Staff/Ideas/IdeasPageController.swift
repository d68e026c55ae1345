import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/ideas`: the staff idea bank's pages. Everyone signed in lists,
/// sends and comments on ideas; administrators and an idea's owner move it
/// on (the rules are `IdeaDesk`'s, which the API shares).
struct IdeasPageController: RouteCollection {
    struct SubmitForm: Content {
        var title: String?
        var description: String?
        var category: String?
        var unit: String?
        var anonymous: String?
    }

    struct HandleForm: Content {
        var status: String?
        var owner: String?
        var category: String?
    }

    struct CommentForm: Content {
        var text: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.ideas).pathComponents, use: list)
        routes.get(SiteURL.staff(.ideasCSV).pathComponents, use: csv)
        routes.get(SiteURL.staff(.ideaNew).pathComponents, use: new)
        routes.post(SiteURL.staff(.ideaNew).pathComponents, use: submit)
        routes.get(SiteURL.staff(.idea(.key)).pathComponents, use: show)
        routes.post(SiteURL.staff(.ideaAction(.key, .handle)).pathComponents, use: handle)
        routes.post(SiteURL.staff(.ideaAction(.key, .comment)).pathComponents, use: comment)
    }

    func list(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let filters = IdeaListFilters(status: value(request, "status"), category: value(request, "category"), unit: value(request, "unit"),
                                      year: value(request, "year"))
        var model = try await IdeasQuery.list(desk, filters: filters, context: request.pageContext)
        model.notice = IdeasModel.notice(done: request.queryStrings["done"])
        return .html(IdeasPage(context: request.pageContext, model: model).render())
    }

    func csv(_ request: Request) async throws -> Response {
        try await IdeasController.csvResponse(request, desk: try await IdeaDesk.of(request))
    }

    func new(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let model = try await IdeasQuery.form(desk, context: request.pageContext)
        return .html(IdeaNewPage(context: request.pageContext, model: model).render())
    }

    func submit(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let form = (try? request.content.decode(SubmitForm.self)) ?? SubmitForm()
        do {
            let idea = try await desk.submit(.init(title: form.title, description: form.description, unit: form.unit, category: form.category,
                                                   anonymous: form.anonymous == "true", language: request.pageLanguage))
            return request.redirect(to: SiteURL.staff(.idea(.value(try idea.requireID()))).url([("done", "submitted")]) + "#notice")
        } catch let problem as IdeaProblem {
            let draft = IdeaFormModel.Draft(title: form.title ?? "", description: form.description ?? "", category: form.category ?? "",
                                            unit: form.unit ?? "", anonymous: form.anonymous == "true")
            let model = try await IdeasQuery.form(desk, draft: draft, problem: problem, context: request.pageContext)
            return .html(IdeaNewPage(context: request.pageContext, model: model).render(), status: .badRequest)
        }
    }

    func show(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let idea = try await find(request, desk)
        var model = try await IdeasQuery.idea(idea, desk: desk, context: request.pageContext)
        model.notice = IdeaModel.notice(done: request.queryStrings["done"])
            ?? IdeasModel.notice(done: request.queryStrings["done"])
        return .html(IdeaPage(context: request.pageContext, model: model).render())
    }

    func handle(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let idea = try await find(request, desk)
        guard desk.mayHandle(idea) else { throw Abort(.forbidden, reason: text(request, "staff.ideas.forbidden")) }
        let form = (try? request.content.decode(HandleForm.self)) ?? HandleForm()
        do {
            try await desk.change(idea, status: form.status, owner: form.owner, category: form.category)
        } catch let problem as IdeaProblem {
            return try await refuse(request, desk, idea, problem)
        }
        return done(request, idea, "handled")
    }

    func comment(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let idea = try await find(request, desk)
        let form = (try? request.content.decode(CommentForm.self)) ?? CommentForm()
        do {
            try await desk.comment(on: idea, text: form.text)
        } catch let problem as IdeaProblem {
            return try await refuse(request, desk, idea, problem, comment: form.text ?? "")
        }
        return done(request, idea, "commented")
    }

    private func refuse(_ request: Request, _ desk: IdeaDesk, _ idea: Idea, _ problem: IdeaProblem, comment: String = "") async throws -> Response {
        // The idea as stored: a refused change changed nothing.
        let stored = try await desk.find(idea.id)
        var model = try await IdeasQuery.idea(stored, desk: desk, context: request.pageContext)
        model.problem = problem
        model.draftComment = comment
        let context = request.pageContext.at(.staff(.idea(.value(model.id))))
        return .html(IdeaPage(context: context, model: model).render(), status: problem.fieldError.status == .conflict ? .conflict : .badRequest)
    }

    private func find(_ request: Request, _ desk: IdeaDesk) async throws -> Idea {
        guard let idea = try await Ideas.find(request.parameters.get("id", as: UUID.self), organisationID: desk.organisationID, on: request.db) else {
            throw Abort(.notFound, reason: text(request, "staff.ideas.notFound"))
        }
        return idea
    }

    private func done(_ request: Request, _ idea: Idea, _ what: String) -> Response {
        request.redirect(to: SiteURL.staff(.idea(.value(idea.id ?? UUID()))).url([("done", what)]) + "#notice", redirectType: .normal)
    }

    /// A filter's value from the address, bounded.
    private func value(_ request: Request, _ name: String) -> String {
        String((request.queryStrings[name] ?? "").prefix(100))
    }

    private func text(_ request: Request, _ key: String) -> String {
        request.kaiku.catalogue.text(key, request.pageLanguage)
    }
}
