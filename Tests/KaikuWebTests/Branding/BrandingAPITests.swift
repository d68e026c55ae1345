import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/api/v1/organisation/branding` and the public `/brand/{org}/…` addresses:
/// what is accepted, what is refused (and then nothing is stored), who may
/// change it, and that one organisation's brand is not another's.
final class BrandingAPITests: XCTestCase {
    private let branding = "/api/v1/organisation/branding"

    func testAnAdministratorUploadsAPNGThatIsServedWithItsTypeAnETagAndNosniff() async throws {
        try await withApp { app in
            let admin = try await TestWorld.make(on: app).signIn(app, role: .administrator, unit: "ROOT")

            let put = try await putLogo(app, LogoSamples.realPNG, type: "image/png", token: admin)
            let served = try await app.send(.GET, "/brand/test-county/logo")
            let again = try await app.send(.GET, "/brand/test-county/logo", headers: ["If-None-Match": served.headers.first(name: .eTag) ?? "-"])

            XCTAssertEqual(put.status, .ok, put.text)
            XCTAssertEqual(put.object["logo"].flatMap { $0 as? [String: Any] }?["contentType"] as? String, "image/png")
            XCTAssertEqual(served.status, .ok)
            XCTAssertEqual(served.headers.contentType?.description, "image/png")
            XCTAssertEqual(served.headers.first(name: "X-Content-Type-Options"), "nosniff")
            XCTAssertTrue(served.headers.first(name: .cacheControl)?.contains("public") == true)
            XCTAssertEqual(Array(Data(buffer: served.body)), LogoSamples.realPNG)
            XCTAssertEqual(again.status, .notModified)
        }
    }

    func testAJPEGIsAcceptedWithTheSizeOfItsFrameHeader() async throws {
        try await withApp { app in
            let admin = try await TestWorld.make(on: app).signIn(app, role: .administrator, unit: "ROOT")

            let put = try await putLogo(app, LogoSamples.jpeg(width: 800, height: 240), type: "image/jpeg", token: admin)
            let served = try await app.send(.GET, "/brand/test-county/logo")

            let logo = put.object["logo"] as? [String: Any]
            XCTAssertEqual(put.status, .ok, put.text)
            XCTAssertEqual(logo?["width"] as? Int, 800)
            XCTAssertEqual(logo?["height"] as? Int, 240)
            XCTAssertEqual(served.headers.contentType?.description, "image/jpeg")
        }
    }

    func testRefusedLogosSayWhyAndStoreNothing() async throws {
        try await withApp { app in
            let admin = try await TestWorld.make(on: app).signIn(app, role: .administrator, unit: "ROOT")
            let cases: [(String, [UInt8], String, HTTPStatus)] = [
                ("SVG renamed .png", LogoSamples.svg, "image/png", .unsupportedMediaType),
                ("GIF", LogoSamples.gif, "image/png", .unsupportedMediaType),
                ("SVG as SVG", LogoSamples.svg, "image/svg+xml", .unsupportedMediaType),
                ("over 512 KB", LogoSamples.png(width: 100, height: 100, length: 600 * 1024), "image/png", .payloadTooLarge),
                ("2001 pixels wide", LogoSamples.png(width: 2001, height: 100), "image/png", .badRequest),
                ("empty", [], "image/png", .badRequest),
            ]

            for (name, bytes, type, status) in cases {
                let put = try await putLogo(app, bytes, type: type, token: admin)
                XCTAssertEqual(put.status, status, name)
                XCTAssertEqual(put.object["field"] as? String, "logo", name)
                XCTAssertFalse((put.object["error"] as? String ?? "").isEmpty, name)
            }

            let after = try await app.send(.GET, branding, token: admin)
            XCTAssertTrue(after.object["logo"] is NSNull, after.text)
            let served = try await app.send(.GET, "/brand/test-county/logo")
            let stored = try await OrganisationLogo.query(on: app.db).count()
            XCTAssertEqual(served.status, .notFound)
            XCTAssertEqual(stored, 0)
        }
    }

    func testOnlyAnAdministratorOfTheWholeOrganisationChangesTheBranding() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let subtreeAdmin = try await world.signIn(app, role: .administrator, unit: "A")

            let read = try await app.send(.GET, branding, token: handler)
            let patches = [try await app.send(.PATCH, branding, json: ["colour": "#0b4f8a"], token: handler),
                           try await app.send(.PATCH, branding, json: ["colour": "#0b4f8a"], token: subtreeAdmin)]
            let upload = try await putLogo(app, LogoSamples.realPNG, type: "image/png", token: subtreeAdmin)
            let delete = try await app.send(.DELETE, branding + "/logo", token: handler)
            let anonymous = try await app.send(.GET, branding)

            XCTAssertEqual(read.status, .ok)
            XCTAssertEqual(patches.map(\.status), [.forbidden, .forbidden])
            XCTAssertEqual(upload.status, .forbidden)
            XCTAssertEqual(delete.status, .forbidden)
            XCTAssertEqual(anonymous.status, .unauthorized)
            let stored = try await OrganisationBranding.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testEachOrganisationHasItsOwnBrand() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let otherAdmin = try await world.signIn(app, role: .administrator, unit: "X")

            _ = try await putLogo(app, LogoSamples.realPNG, type: "image/png", token: otherAdmin)
            _ = try await app.send(.PATCH, branding, json: ["colour": "#5c2d91"], token: otherAdmin)
            let delete = try await app.send(.DELETE, branding + "/logo", token: admin)
            let mine = try await app.send(.GET, branding, token: admin)
            let theirs = try await app.send(.GET, branding, token: otherAdmin)

            XCTAssertEqual(delete.status, .noContent)
            XCTAssertTrue(mine.object["logo"] is NSNull)
            XCTAssertTrue(mine.object["colour"] is NSNull)
            XCTAssertEqual(theirs.object["colour"] as? String, "#5c2d91")
            let theirLogo = try await app.send(.GET, "/brand/other-county/logo")
            let myLogo = try await app.send(.GET, "/brand/test-county/logo")
            XCTAssertEqual(theirLogo.status, .ok, "their logo stays")
            XCTAssertEqual(myLogo.status, .notFound)
        }
    }

    func testAColourTooLightForWhiteTextIsRefusedAndADarkOneServedAsAStyleSheet() async throws {
        try await withApp { app in
            let admin = try await TestWorld.make(on: app).signIn(app, role: .administrator, unit: "ROOT")

            let yellow = try await app.send(.PATCH, branding, json: ["colour": "#ffcc00"], token: admin)
            let word = try await app.send(.PATCH, branding, json: ["colour": "blue"], token: admin)
            let dark = try await app.send(.PATCH, branding, json: RawJSON(["colour": "#1D5A3B", "name": ["fi": "Testin hyvinvointialue"]]), token: admin)
            let style = try await app.send(.GET, "/brand/test-county/brand.css")
            let cleared = try await app.send(.PATCH, branding, json: ["colour": ""], token: admin)

            XCTAssertEqual(yellow.status, .badRequest)
            XCTAssertEqual(yellow.object["field"] as? String, "colour")
            XCTAssertTrue((yellow.object["error"] as? String ?? "").contains("4.5:1"), yellow.text)
            XCTAssertEqual(word.status, .badRequest)
            XCTAssertEqual(dark.status, .ok, dark.text)
            XCTAssertEqual(dark.object["colour"] as? String, "#1d5a3b")
            XCTAssertEqual((dark.object["name"] as? [String: String])?["fi"], "Testin hyvinvointialue")
            XCTAssertEqual(style.headers.contentType?.subType, "css")
            XCTAssertTrue(style.text.contains("--brand: #1d5a3b"), style.text)
            XCTAssertTrue(cleared.object["colour"] is NSNull)
            let audited = try await UserFixtures.audit(app, "branding.update")
            XCTAssertEqual(audited.count, 2)
        }
    }

    private func putLogo(_ app: Application, _ bytes: [UInt8], type: String, token: String) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.bearerAuthorization = .init(token: token)
        return try await app.sendRequest(.PUT, branding + "/logo", headers: headers, body: ByteBuffer(bytes: bytes))
    }
}
