import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/brand/{org}/logo` and `/brand/{org}/brand.css`: what public pages and
/// printed cards load. Public and cacheable; a logo is served with the type
/// its bytes were checked to be, an ETag and `nosniff`, never as anything a
/// browser could run.
struct BrandingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.brandLogo(.key).pathComponents, use: logo)
        routes.get(SiteURL.brandStyle(.key).pathComponents, use: style)
    }

    func logo(_ request: Request) async throws -> Response {
        let code = request.parameters.get("organisation") ?? ""
        guard PlainIdentifier.isPlain(code), let logo = try await Branding.logo(organisationCode: code, on: request.db) else {
            throw Abort(.notFound, reason: "No logo for organisation \(code.prefix(60)).")
        }
        let etag = "\"\(logo.digest)\""
        var headers: HTTPHeaders = ["ETag": etag, "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff",
                                    "Content-Security-Policy": "default-src 'none'"]
        if request.headers.first(name: .ifNoneMatch) == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers.replaceOrAdd(name: .contentType, value: logo.contentType)
        return Response(status: .ok, headers: headers, body: .init(data: logo.data))
    }

    func style(_ request: Request) async throws -> Response {
        let code = request.parameters.get("organisation") ?? ""
        guard PlainIdentifier.isPlain(code), let organisation = try await Organisation.query(on: request.db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "No organisation \(code.prefix(60)).")
        }
        let brand = try await Branding.brand(of: organisation, on: request.db)
        return Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                        body: .init(string: BrandMark.css(brand.colour)))
    }
}
