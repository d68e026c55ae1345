import Foundation
import Vapor

/// The pages residents use: find a target, answer, get a receipt, follow it,
/// and the stylesheet every page shares. Each page has a controller of its own.
struct PublicController: RouteCollection {
    let stylesheet: Data
    let searchScript: Data
    let formScript: Data

    init() throws {
        stylesheet = try ResourceFile.data("Public/styles.css")
        searchScript = try ResourceFile.data("Public/search.js")
        formScript = try ResourceFile.data("Public/form.js")
    }

    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: LandingController())
        routes.get(SiteURL.styles.pathComponents) { _ in
            Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"], body: .init(data: stylesheet))
        }
        for (url, script) in [(SiteURL.landingScript, searchScript), (.formScript, formScript)] {
            routes.get(url.pathComponents) { _ in
                Response(status: .ok, headers: ["Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                         body: .init(data: script))
            }
        }
        try routes.register(collection: FormController())
        try routes.register(collection: ThanksController())
        try routes.register(collection: StatusController())
        try routes.register(collection: ShortLinkController())
    }
}
