import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/feedback`: the feed (query → model → page), its CSV, and the
/// items' forms. Every form posts, does one thing and goes back to the same
/// filtered page at the item; a refused correction is shown again there.
/// Opening the page marks nothing read: reading is the handler's own mark.
struct FeedbackPageController: RouteCollection {
    struct ActionForm: Content {
        var back: String?
        var themes: [String]?
        var sentiment: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.feedback).pathComponents, use: page)
        routes.get(SiteURL.staff(.feedbackCSV).pathComponents, use: csv)
        for action in SiteURL.FeedbackFormAction.allCases {
            routes.post(SiteURL.staff(.feedbackAction(.key, action)).pathComponents) { try await self.act($0, action) }
        }
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let filters = FeedbackFilters { [query = request.queryStrings] in query[$0] }
        return try await render(request, scope: scope, filters: filters, page: FeedbackPageModel.page(request.queryStrings["page"]),
                                notice: FeedbackPageModel.notice(done: request.queryStrings["done"]))
    }

    func csv(_ request: Request) async throws -> Response {
        try await FeedbackController.csvResponse(request, scope: try await request.requireScope())
    }

    func act(_ request: Request, _ action: SiteURL.FeedbackFormAction) async throws -> Response {
        let scope = try await request.requireScope()
        let form = (try? request.content.decode(ActionForm.self)) ?? ActionForm()
        let now = request.kaiku.clock.now
        guard let id = request.parameters.get("id", as: UUID.self),
              let response = try await FeedbackResponse.find(id, on: request.db),
              response.organisationID == scope.staff.organisationID, scope.canSee(unit: response.unitID), response.openText != nil else {
            throw Abort(.notFound, reason: request.kaiku.catalogue.text("staff.feedback.notFound", request.pageLanguage))
        }
        if ![.read, .unread].contains(action) && scope.staff.role == .analyst {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.feedback.forbidden", request.pageLanguage))
        }
        switch action {
        case .read, .unread:
            try await FeedbackFeed.setRead(action == .read, responseID: id, userID: scope.staff.userID, at: now, on: request.db)
        case .flag, .unflag:
            try await FeedbackFeed.setFlag(action == .flag, on: response, by: scope.staff.userID, at: now, database: request.db)
        case .publish, .withdraw:
            try await PublicReview.decide(response, publish: action == .publish, text: action == .publish ? response.publishedText : nil,
                                          by: scope.staff.userID, at: now, on: request.db)
        case .classification:
            if let refusal = try await correct(response, form: form, scope: scope, request: request) {
                let (filters, page) = FeedbackReturn.query(from: form.back)
                return try await render(request, scope: scope, filters: filters, page: page, refusal: refusal, status: .badRequest)
            }
        }
        return request.redirect(to: FeedbackReturn.url(back: form.back, done: action.rawValue, anchor: "item-\(id.uuidString)"),
                                redirectType: .normal)
    }

    /// Applies a correction, or says in the page's language why it was refused.
    private func correct(_ response: FeedbackResponse, form: ActionForm, scope: StaffScope,
                         request: Request) async throws -> FeedbackPageModel.Refusal? {
        let language = request.pageLanguage
        let catalogue = request.kaiku.catalogue
        let given = Array((form.themes ?? []).prefix(100))
        func refusal(_ key: String) -> FeedbackPageModel.Refusal {
            FeedbackPageModel.Refusal(id: response.id ?? UUID(), themes: given, sentiment: form.sentiment, message: catalogue.text(key, language))
        }
        guard let raw = form.sentiment, let sentiment = Sentiment(rawValue: raw) else { return refusal("staff.feedback.error.sentiment") }
        let known = try await ThemeCatalogue.codes(organisationID: scope.staff.organisationID, on: request.db)
        let themes: [String]
        do {
            themes = try ClassificationCorrection.checkedThemes(given, known: known)
        } catch .unknownTheme {
            return refusal("staff.feedback.error.unknownTheme")
        } catch {
            return refusal("staff.feedback.error.repeatedTheme")
        }
        try await ClassificationCorrection.apply(to: response, themes: themes, sentiment: sentiment, by: scope.staff.userID,
                                                 at: request.kaiku.clock.now, on: request.db)
        return nil
    }

    private func render(_ request: Request, scope: StaffScope, filters: FeedbackFilters, page: Int, notice: String? = nil,
                        refusal: FeedbackPageModel.Refusal? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = request.pageContext
        let model = try await FeedbackPageQuery.load(filters, page: page, scope: scope, context: context, notice: notice,
                                                     refusal: refusal, on: request.db)
        return .html(FeedbackPage(context: context, model: model).render(), status: model.filterError != nil ? .badRequest : status)
    }
}
