import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/review`: handlers, supervisors and administrators read the open
/// text of their units before it goes public, edit out what masking cannot
/// see (names, addresses, health details) and publish it or keep it out.
/// The same decision as `PUT /api/v1/responses/{id}/public`.
struct ReviewController: RouteCollection {
    struct DecisionForm: Content {
        var decision: String?
        var text: String?
        var back: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.review).pathComponents, use: page)
        routes.post(SiteURL.staff(.reviewItem(.key)).pathComponents, use: decide)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await reviewer(request)
        return try await render(request, scope: scope, notice: ReviewModel.notice(done: request.queryStrings["done"]))
    }

    func decide(_ request: Request) async throws -> Response {
        let scope = try await reviewer(request)
        let form = (try? request.content.decode(DecisionForm.self)) ?? DecisionForm()
        let back = ReviewReturn.localBack(form.back)
        guard let id = request.parameters.get("id", as: UUID.self),
              let response = try await FeedbackResponse.find(id, on: request.db),
              response.organisationID == scope.staff.organisationID, scope.canSee(unit: response.unitID), response.openText != nil else {
            throw Abort(.notFound, reason: request.kaiku.catalogue.text("staff.review.notFound", request.pageLanguage))
        }
        guard let decision = form.decision, ["publish", "withdraw"].contains(decision) else {
            return try await refuse(request, scope: scope, back: back, key: "staff.review.error.decision")
        }
        var text: String?
        if decision == "publish" {
            do {
                text = try PublicReview.publishableText(form.text ?? response.publishedText ?? "")
            } catch .empty {
                return try await refuse(request, scope: scope, back: back, key: "staff.review.error.empty")
            } catch .tooLong {
                return try await refuse(request, scope: scope, back: back, key: "staff.review.error.tooLong")
            } catch {
                return try await refuse(request, scope: scope, back: back, key: "staff.review.error.control")
            }
        }
        try await PublicReview.decide(response, publish: decision == "publish", text: text, by: scope.staff.userID,
                                      at: request.kaiku.clock.now, on: request.db)
        let done = decision == "publish" ? "published" : "withdrawn"
        return request.redirect(to: back + (back.contains("?") ? "&" : "?") + "done=\(done)#notice", redirectType: .normal)
    }

    private func reviewer(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard scope.staff.role != .analyst else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.review.forbidden", request.pageLanguage))
        }
        return scope
    }

    /// A refused decision is shown where it was made, with what to do about it.
    private func refuse(_ request: Request, scope: StaffScope, back: String, key: String) async throws -> Response {
        let message = request.kaiku.catalogue.text(key, request.pageLanguage)
        if let id = ReviewReturn.caseID(in: back) {
            return try await CaseController.render(request, id: id, error: message, status: .badRequest)
        }
        return try await render(request, scope: scope, error: message, status: .badRequest)
    }

    private func render(_ request: Request, scope: StaffScope, notice: String? = nil, error: String? = nil,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = request.pageContext
        let model = try await ReviewQuery.load(page: ReviewModel.page(request.query[Int.self, at: "page"]), scope: scope, context: context,
                                               notice: notice, error: error, on: request.db)
        return .html(ReviewPage(context: context, model: model).render(), status: status)
    }
}
