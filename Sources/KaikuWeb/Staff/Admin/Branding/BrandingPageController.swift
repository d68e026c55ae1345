import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/branding`: the name printed on cards and posters, the brand
/// colour and the logo, for administrators of the whole organisation. The
/// same checks as the API (`BrandingInput`); a refusal stores nothing.
struct BrandingPageController: RouteCollection {
    /// Room for the 512 KB logo and the form around it; larger uploads are refused before they are read.
    static let maxFormBytes = 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminBranding).pathComponents, use: page)
        routes.post(SiteURL.staff(.adminBranding).pathComponents, use: save)
        let upload = routes.on(.POST, SiteURL.staff(.adminBrandingLogo).pathComponents, body: .collect(maxSize: ByteCount(value: Self.maxFormBytes)),
                               use: uploadLogo)
        upload.userInfo[StaffPageGuard.bodyLimitKey] = Self.maxFormBytes
        routes.post(SiteURL.staff(.adminBrandingLogoRemove).pathComponents, use: removeLogo)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let notice = request.queryStrings["done"].flatMap(BrandingModel.Notice.init(rawValue:))
        return try await render(request, scope: scope) { $0.notice = notice }
    }

    func save(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let form = (try? request.content.decode(BrandingForm.self)) ?? BrandingForm()
        do {
            let (names, colour) = try form.settings()
            try await Branding.save(.init(name: names, colour: colour), organisationID: scope.staff.organisationID, actor: scope.staff.auditActor,
                                    at: request.kaiku.clock.now, on: request.db)
            return done(request, .saved)
        } catch let refusal as BrandingRefusal {
            return try await render(request, scope: scope, status: refusal.status) {
                $0.form = form
                $0.refusal = refusal
            }
        }
    }

    func uploadLogo(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let form = (try? request.content.decode(BrandingLogoForm.self)) ?? BrandingLogoForm()
        do {
            let image = try BrandingInput.logo(form.logo.map { Array($0.data.readableBytesView) } ?? [])
            try await Branding.setLogo(image, organisationID: scope.staff.organisationID, actor: scope.staff.auditActor,
                                       at: request.kaiku.clock.now, on: request.db)
            return done(request, .logoSaved)
        } catch let refusal as BrandingRefusal {
            return try await render(request, scope: scope, status: refusal.status) { $0.refusal = refusal }
        }
    }

    func removeLogo(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        try await Branding.removeLogo(organisationID: scope.staff.organisationID, actor: scope.staff.auditActor, at: request.kaiku.clock.now,
                                      on: request.db)
        return done(request, .logoRemoved)
    }

    private func done(_ request: Request, _ notice: BrandingModel.Notice) -> Response {
        request.redirect(to: SiteURL.staff(.adminBranding).url([("done", notice.rawValue)]))
    }

    private func render(_ request: Request, scope: StaffScope, status: HTTPResponseStatus = .ok,
                        model adjust: (inout BrandingModel) -> Void) async throws -> Response {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        var model = BrandingModel(settings: try await Branding.settings(of: scope.staff.organisationID, on: request.db),
                                  brand: try await Branding.brand(of: organisation, on: request.db), ownName: organisation.name)
        adjust(&model)
        let context = request.pageContext.at(.staff(.adminBranding)).branded(model.brand)
        return .html(BrandingPage(context: context, model: model).render(), status: status)
    }
}
