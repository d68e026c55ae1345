import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The import pages: upload, preview, Apply exactly what was previewed.
final class AdminImportPagesTests: XCTestCase {
    private static let boundary = "kaiku-test-boundary"

    /// Posts `fields` (and the file, when given) as a browser posts a multipart form, with the page's CSRF token.
    private func postMultipart(_ app: Application, _ browser: StaffBrowser, _ path: String, fields: [String: String],
                               file: String? = nil) async throws -> XCTHTTPResponse {
        var body = ""
        for (name, value) in fields.merging(["csrf": browser.csrf ?? ""], uniquingKeysWith: { $1 }) {
            body += "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"puu.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
        }
        body += "--\(Self.boundary)--\r\n"
        var headers: HTTPHeaders = ["Host": browser.host, "Accept": "text/html",
                                    "Content-Type": "multipart/form-data; boundary=\(Self.boundary)"]
        headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        return try await app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    private func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"([^\"]*)\"", options: .regularExpression) else { return nil }
        return String(page[range].split(separator: "\"")[3])
    }

    private func signedIn(_ app: Application, _ world: TestWorld, unit: String = "ROOT", role: User.Role = .administrator) async throws -> StaffBrowser {
        let email = "\(role.rawValue)-\(unit.lowercased())@pages.example"
        try await world.signIn(app, role: role, unit: unit, email: email)
        let browser = StaffBrowser(app)
        try await browser.signIn(email: email)
        return browser
    }

    func testAnUploadShowsThePreviewAndApplyAppliesIt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world)
            let page = try await browser.get("/staff/admin/units?lang=en")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("data-unit=\"A1\""))

            let preview = try await postMultipart(app, browser, "/staff/admin/units", fields: ["step": "preview"], file: TreeImportAPITests.units)

            XCTAssertEqual(preview.status, .ok, preview.text)
            XCTAssertTrue(preview.text.contains("data-change=\"add\""))
            XCTAssertTrue(preview.text.contains("data-count=\"add\">2<"))
            XCTAssertTrue(preview.text.contains("Sámi health centre"), "added units by name in the page's language")
            let count = try await OrgUnit.query(on: app.db).count()
            XCTAssertEqual(count, 7, "a preview applies nothing")
            let payload = try XCTUnwrap(hidden("payload", in: preview.text))
            let fingerprint = try XCTUnwrap(hidden("fingerprint", in: preview.text))

            let applied = try await postMultipart(app, browser, "/staff/admin/units",
                                                  fields: ["step": "apply", "payload": payload, "fingerprint": fingerprint])

            XCTAssertEqual(applied.status, .seeOther)
            let location = try XCTUnwrap(applied.headers.first(name: .location))
            XCTAssertTrue(location.contains("applied=2-1-0-0-0-5"), location)
            let after = try await OrgUnit.query(on: app.db).count()
            XCTAssertEqual(after, 9)
            let done = try await browser.get(location)
            XCTAssertTrue(done.text.contains("id=\"notice\""))
            XCTAssertTrue(done.text.contains("data-unit=\"C1\""))
        }
    }

    func testApplyAfterTheTreeChangedShowsTheNewPreviewInstead() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world)
            try await browser.get("/staff/admin/units")
            let preview = try await postMultipart(app, browser, "/staff/admin/units", fields: ["step": "preview"], file: TreeImportAPITests.units)
            let payload = try XCTUnwrap(hidden("payload", in: preview.text))
            let fingerprint = try XCTUnwrap(hidden("fingerprint", in: preview.text))
            // Someone else adds C meanwhile.
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let onlyC = TreeImportAPITests.units.split(separator: "\n").filter { !$0.hasPrefix("C1") }.joined(separator: "\n")
            _ = try await TreeImportAPITests.post(app, "/api/v1/units/import", onlyC, token: admin)

            let applied = try await postMultipart(app, browser, "/staff/admin/units",
                                                  fields: ["step": "apply", "payload": payload, "fingerprint": fingerprint])

            XCTAssertEqual(applied.status, .ok)
            XCTAssertTrue(applied.text.contains("data-count=\"add\">1<"), "the new preview: only C1 is still to add")
            let c1 = try await OrgUnit.query(on: app.db).filter(\.$code == "C1").count()
            XCTAssertEqual(c1, 0, "nothing applied")
        }
    }

    func testARefusedFileShowsItsLinesAndNoApplyButton() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world)
            try await browser.get("/staff/admin/targets/import?lang=fi")

            let refused = try await postMultipart(app, browser, "/staff/admin/targets/import", fields: ["step": "preview"],
                                                  file: TreeImportAPITests.targets)
            let noFile = try await postMultipart(app, browser, "/staff/admin/targets/import", fields: ["step": "preview"])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("id=\"import-errors\""))
            XCTAssertTrue(refused.text.contains("C1"), "the unknown unit is named")
            XCTAssertFalse(refused.text.contains("id=\"apply-form\""))
            XCTAssertEqual(noFile.status, .badRequest)
            XCTAssertTrue(noFile.text.contains("href=\"#f-file\""))
            XCTAssertTrue(noFile.text.contains("aria-invalid=\"true\""))
        }
    }

    func testOnlyAnAdministratorOfTheWholeOrganisationSeesThePages() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let subtree = try await signedIn(app, world, unit: "A")
            let supervisor = try await signedIn(app, world, unit: "ROOT", role: .supervisor)

            for browser in [subtree, supervisor] {
                for path in ["/staff/admin/units", "/staff/admin/targets/import"] {
                    let page = try await browser.get(path)
                    XCTAssertEqual(page.status, .forbidden, path)
                }
            }
        }
    }
}
