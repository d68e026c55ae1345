import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Short links and QR codes that open a target's form directly.
struct ShortLinkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("t", ":code", use: redirect)
        routes.get("t", ":code", "remote", use: remote)
        routes.get("t", ":code", "qr.svg", use: svg)
        routes.get("t", ":code", "qr.png", use: png)
        routes.get("t", ":code", "print", use: printable)
    }

    func redirect(_ request: Request) async throws -> Vapor.Response {
        let target = try await requireTarget(request)
        return request.redirect(to: "/f/\(target.code)?lang=\(request.pageLanguage.rawValue)")
    }

    /// The short link a unit pastes into remote-appointment invitations and chats.
    func remote(_ request: Request) async throws -> Vapor.Response {
        let target = try await requireTarget(request)
        return request.redirect(to: FormPage.path(code: target.code, channel: .remote) + "?lang=\(request.pageLanguage.rawValue)")
    }

    func svg(_ request: Request) async throws -> Vapor.Response {
        let target = try await requireTarget(request)
        let code = try QRCode(text: shortLink(target, request))
        return Vapor.Response(status: .ok, headers: ["Content-Type": "image/svg+xml"],
                              body: .init(string: code.svg(moduleSize: 8, border: 4, title: target.name[request.pageLanguage])))
    }

    func png(_ request: Request) async throws -> Vapor.Response {
        let target = try await requireTarget(request)
        let size = min(max(request.query[Int.self, at: "scale"] ?? 10, 2), 40)
        let code = try QRCode(text: shortLink(target, request))
        return Vapor.Response(status: .ok, headers: ["Content-Type": "image/png"], body: .init(data: Data(code.png(moduleSize: size, border: 4))))
    }

    /// A card to print and put up at the unit: name, QR code and the address.
    func printable(_ request: Request) async throws -> Vapor.Response {
        let target = try await requireTarget(request)
        let language = request.pageLanguage
        let catalogue = request.kaiku.catalogue
        let link = shortLink(target, request)
        let code = try QRCode(text: link)
        let layout = PageLayout(language: language, title: target.name[language], catalogue: catalogue, path: "/t/\(target.code)/print")
        return .html(layout.render {
            HTMLNode.div(.class("poster")) {
                HTMLNode.h1 { catalogue.text("poster.heading", language) }
                HTMLNode.p(.class("poster-target")) { target.name[language] }
                HTMLNode.div(.class("poster-qr")) { HTMLNode.trusted(code.svg(moduleSize: 8, border: 4, title: catalogue.text("poster.qrAlt", language))) }
                HTMLNode.p { catalogue.text("poster.or", language) + " " }
                HTMLNode.p(.class("poster-link")) { link }
            }
        })
    }

    private func requireTarget(_ request: Request) async throws -> Target {
        let code = request.parameters.get("code") ?? ""
        guard PlainIdentifier.isPlain(code, maxLength: 100), let target = try await Target.query(on: request.db).filter(\.$code == code).filter(\.$active == true).first() else {
            throw Abort(.notFound, reason: "No feedback target with code \(code).")
        }
        return target
    }

    private func shortLink(_ target: Target, _ request: Request) -> String {
        let base = request.kaiku.settings.publicBaseURL ?? "http://\(request.headers.first(name: .host) ?? "127.0.0.1:8080")"
        return base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/t/\(target.code)"
    }
}
