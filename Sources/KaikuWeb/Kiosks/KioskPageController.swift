import Foundation
import KaikuCore
import Vapor

/// The kiosk itself: `/kiosk` is a full-screen page whose script pairs the
/// device, shows the survey and keeps answers while the network is down;
/// `/kiosk/sw.js` keeps the page available offline. The page's texts come
/// from the catalogues in all three languages, for switching with one tap.
struct KioskPageController: RouteCollection {
    let script: Data
    let style: Data
    let worker: Data

    init() throws {
        script = try ResourceFile.data("Kiosk/kiosk.js")
        style = try ResourceFile.data("Kiosk/kiosk.css")
        worker = try ResourceFile.data("Kiosk/sw.js")
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("kiosk", use: page)
        routes.get("kiosk", "kiosk.js") { _ in Self.file(self.script, type: "application/javascript; charset=utf-8") }
        routes.get("kiosk", "kiosk.css") { _ in Self.file(self.style, type: "text/css; charset=utf-8") }
        routes.get("kiosk", "sw.js") { _ in
            let response = Self.file(self.worker, type: "application/javascript; charset=utf-8")
            // The worker lives under /kiosk/ but serves the page at /kiosk too.
            response.headers.replaceOrAdd(name: "Service-Worker-Allowed", value: "/kiosk")
            return response
        }
    }

    func page(_ request: Request) async throws -> Response {
        let language = request.pageLanguage
        let catalogue = request.kaiku.catalogue
        var texts: [String: [String: String]] = [:]
        for lang in Language.allCases {
            texts[lang.rawValue] = (catalogue.entries[lang] ?? [:]).filter { $0.key.hasPrefix("kiosk.") }
        }
        let json = String(decoding: try JSONEncoder().encode(texts), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        let html = """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLNode.escape(catalogue.text("kiosk.title", language)))</title>
            <link rel="stylesheet" href="/kiosk/kiosk.css">
            <script src="/kiosk/kiosk.js" defer></script>
            </head>
            <body>
            <main id="kiosk"><noscript><p>\(HTMLNode.escape(catalogue.text("kiosk.noscript", language)))</p></noscript></main>
            <p id="kiosk-status" class="status" role="status" aria-live="polite"></p>
            <script type="application/json" id="kiosk-texts">\(json)</script>
            </body>
            </html>
            """
        return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"], body: .init(string: html))
    }

    private static func file(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Cache-Control": "no-cache"], body: .init(data: data))
    }
}
