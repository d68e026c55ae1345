import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/review`: handlers, supervisors and administrators read the open
/// text of their units before it goes public, edit out what masking cannot
/// see (names, addresses, health details) and publish it or keep it out.
/// The same decision as `PUT /api/v1/responses/{id}/public`.
struct StaffReviewController: RouteCollection {
    static let pageSize = 20

    struct DecisionForm: Content {
        var decision: String?
        var text: String?
        var back: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("review", use: page)
        routes.post("review", ":id", use: decide)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await reviewer(request)
        let notice = request.query[String.self, at: "done"].flatMap { ["published", "withdrawn"].contains($0) ? "staff.review.done.\($0)" : nil }
        return try await render(request, scope: scope, notice: notice)
    }

    func decide(_ request: Request) async throws -> Response {
        let scope = try await reviewer(request)
        let form = (try? request.content.decode(DecisionForm.self)) ?? DecisionForm()
        let back = Self.localBack(form.back)
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

    /// Where the form came from: the review list or a case page, nothing else.
    static func localBack(_ raw: String?) -> String {
        guard let raw else { return "/staff/review" }
        if caseID(in: raw) != nil { return raw }
        if raw == "/staff/review" || raw.wholeMatch(of: /\/staff\/review\?page=[1-9][0-9]{0,4}/) != nil { return raw }
        return "/staff/review"
    }

    /// The case whose page `back` is, if it is one.
    private static func caseID(in back: String) -> UUID? {
        back.wholeMatch(of: /\/staff\/cases\/([0-9A-Fa-f-]{36})/).flatMap { UUID(uuidString: String($0.1)) }
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
        if let id = Self.caseID(in: back) {
            let page = try await CasePageLoader.load(id, on: request, error: message)
            return .html(page.render(), status: .badRequest)
        }
        return try await render(request, scope: scope, error: message, status: .badRequest)
    }

    private func render(_ request: Request, scope: StaffScope, notice: String? = nil, error: String? = nil,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let language = request.pageLanguage
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let pageNumber = max(1, min(10_000, request.query[Int.self, at: "page"] ?? 1))
        let (total, responses) = try await PublicReview.waiting(
            organisationID: scope.staff.organisationID, unitIDs: Array(scope.visible), limit: Self.pageSize,
            offset: (pageNumber - 1) * Self.pageSize, on: request.db)
        let targets = try await Target.query(on: request.db).filter(\.$id ~~ Set(responses.map(\.targetID))).all()
        let targetNames = Dictionary(uniqueKeysWithValues: targets.compactMap { target in target.id.map { ($0, target.name[language]) } })
        let items = responses.compactMap { response -> StaffReviewPage.Item? in
            guard let id = response.id, let text = response.openText else { return nil }
            return StaffReviewPage.Item(id: id, target: targetNames[response.targetID] ?? "", unit: scope.units[response.unitID]?.name[language] ?? "",
                                        channel: response.channel, language: response.language, receivedAt: response.receivedAt, text: text)
        }
        let page = StaffReviewPage(language: language, catalogue: request.kaiku.catalogue, session: try request.auth.require(SessionToken.self),
                                   zone: organisation.timeZone, items: items, total: total, page: pageNumber, pageSize: Self.pageSize,
                                   notice: notice, error: error)
        return .html(page.render(), status: status)
    }
}
