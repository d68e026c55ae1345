import Foundation
import Vapor

/// The kiosk itself: `/kiosk` is a full-screen page whose script pairs the
/// device, shows the survey and keeps answers while the network is down;
/// `/kiosk/sw.js` keeps the page available offline.
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
        routes.get(SiteURL.kiosk.pathComponents, use: page)
        routes.get(SiteURL.kioskScript.pathComponents) { _ in Self.file(self.script, type: "application/javascript; charset=utf-8") }
        routes.get(SiteURL.kioskStyle.pathComponents) { _ in Self.file(self.style, type: "text/css; charset=utf-8") }
        routes.get(SiteURL.kioskWorker.pathComponents) { _ in
            let response = Self.file(self.worker, type: "application/javascript; charset=utf-8")
            // The worker lives under /kiosk/ but serves the page at /kiosk too.
            response.headers.replaceOrAdd(name: "Service-Worker-Allowed", value: SiteURL.kiosk.path)
            return response
        }
    }

    func page(_ request: Request) async throws -> Response {
        let context = request.pageContext
        let model = try KioskPageModel(catalogue: context.catalogue)
        return Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"],
                        body: .init(string: KioskPage(context: context, model: model).render()))
    }

    private static func file(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Cache-Control": "no-cache"], body: .init(data: data))
    }
}
