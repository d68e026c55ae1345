import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class PublicPagesTests: XCTestCase {
    func testLandingPageFindsTargetsByPartOfTheirNameWithoutDiacritics() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let page = try await app.send(.GET, "/?lang=fi&q=paivys")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("<html lang=\"fi\">"))
            XCTAssertTrue(page.text.contains("href=\"/f/t-b1?lang=fi\""))
            XCTAssertFalse(page.text.contains("/f/t-a1"), "only matching targets are listed")
            let twoWords = try await app.send(.GET, "/?lang=en&q=hammas%20keskusta")
            XCTAssertTrue(twoWords.text.contains("/f/t-a1?lang=en"))
        }
    }

    func testFormIsServedInEachLanguageWithLanguageLinks() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            for (language, legendWord) in [("fi", "suosittelisit"), ("sv", "rekommendera"), ("en", "recommend")] {
                let page = try await app.send(.GET, "/f/t-a1?lang=\(language)")
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.text.contains("<html lang=\"\(language)\">"), language)
                XCTAssertTrue(page.text.contains(legendWord), language)
                for other in ["fi", "sv", "en"] where other != language {
                    XCTAssertTrue(page.text.contains("href=\"/f/t-a1?lang=\(other)\" hreflang=\"\(other)\""), "\(language) → \(other)")
                }
                XCTAssertTrue(page.text.contains("<label for=\"nps-9\">9</label>"), "every radio has a label")
                XCTAssertTrue(page.text.contains("<label for=\"openText\""))
            }
        }
    }

    func testUnknownTargetGets404Page() async throws {
        try await withApp { app in
            let page = try await app.send(.GET, "/f/nowhere", headers: ["Accept": "text/html"])
            XCTAssertEqual(page.status, .notFound)
            XCTAssertTrue(page.text.contains("<html lang="))
        }
    }

    func testSubmittedFormIsStoredAndRedirectsToThanksWithReceipt() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let response = try await app.send(.POST, "/f/t-a2", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                              body: "lang=sv&formToken=\(UUID().uuidString)&nps=9&q_felt_safe=4&q_smooth_access=x&respondent=self&openText=Tack%21")
            XCTAssertEqual(response.status, .seeOther)
            let location = try XCTUnwrap(response.headers.first(name: .location))
            XCTAssertTrue(location.hasPrefix("/thanks/") && location.hasSuffix("?lang=sv"), location)
            let stored = try await FeedbackResponse.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertEqual(stored.first?.channel, "web")
            XCTAssertEqual(stored.first?.language, "sv")
            XCTAssertEqual(stored.first?.recommendation, 9)
            let thanks = try await app.send(.GET, location)
            XCTAssertEqual(thanks.status, .ok)
            XCTAssertTrue(thanks.text.contains("<strong id=\"receipt\">\(stored[0].receipt)</strong>"))
            XCTAssertTrue(thanks.text.contains("<html lang=\"sv\">"))
        }
    }

    func testRemoteAppointmentLinkRecordsChannelRemote() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)

            let short = try await app.send(.GET, "/t/t-a1/remote", headers: ["Accept-Language": "en"])
            let page = try await app.send(.GET, "/f/t-a1/remote?lang=en")
            let response = try await app.send(.POST, "/f/t-a1/remote", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                              body: "lang=en&formToken=\(UUID().uuidString)&nps=7")

            XCTAssertEqual(short.headers.first(name: .location), "/f/t-a1/remote?lang=en")
            XCTAssertTrue(page.text.contains("action=\"/f/t-a1/remote\""), "the form posts back to the remote path")
            XCTAssertTrue(page.text.contains("href=\"/f/t-a1/remote?lang=fi\""), "language links keep the remote path")
            XCTAssertEqual(response.status, .seeOther)
            let stored = try await FeedbackResponse.query(on: app.db).all()
            XCTAssertEqual(stored.map(\.channel), ["remote"])
        }
    }

    func testDoubleSubmittedFormIsStoredOnce() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let body = "lang=fi&formToken=\(UUID().uuidString)&nps=7"
            let first = try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
            let second = try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
            XCTAssertEqual(first.headers.first(name: .location), second.headers.first(name: .location))
            let count = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testFormWithoutRecommendationShowsAccessibleErrorAndKeepsTypedText() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let response = try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                              body: "lang=en&openText=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            XCTAssertEqual(response.status, .badRequest)
            let html = response.text
            XCTAssertTrue(html.contains("id=\"error-summary\""))
            XCTAssertTrue(html.contains("href=\"#nps-0\""), "the summary links to the first radio of the question")
            XCTAssertTrue(html.contains("aria-describedby=\"nps-scale error-answers-nps\""))
            XCTAssertTrue(html.contains("id=\"error-answers-nps\""))
            XCTAssertTrue(html.contains("The recommendation question is required."))
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "typed text comes back escaped")
            XCTAssertFalse(html.contains("<script>alert(1)"))
            let count = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testAFormWithSeveralProblemsShowsThemAllAtOnceAndSaysSoInItsTitle() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)

            let response = try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                              body: "lang=fi&wantsAnswer=yes&contactEmail=ei-osoite")

            XCTAssertEqual(response.status, .badRequest)
            let html = response.text
            XCTAssertTrue(html.contains("<title>Virhe: Hammashoitola, Keskusta"), html.prefix(400).description)
            XCTAssertTrue(html.contains("href=\"#nps-0\""), "the missing recommendation is in the summary")
            XCTAssertTrue(html.contains("href=\"#contactEmail\""), "and so is the e-mail address")
            XCTAssertTrue(html.contains("id=\"error-answers-nps\"") && html.contains("id=\"error-contact-email\""),
                          "each problem is told beside its field")
            XCTAssertTrue(html.contains("tabindex=\"-1\" autofocus"), "the summary takes the focus when the page opens")
            let count = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testContactDetailsLeftWithoutAskingForAnAnswerAreNotKeptAndOpenNoCase() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)

            let unticked = try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                              body: "lang=fi&formToken=\(UUID().uuidString)&nps=8&contactEmail=matti%40example.fi")
            let ticked = try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                            body: "lang=fi&formToken=\(UUID().uuidString)&nps=8&wantsAnswer=yes&contactEmail=matti%40example.fi")

            XCTAssertEqual(unticked.status, .seeOther)
            XCTAssertEqual(ticked.status, .seeOther)
            let stored = try await FeedbackResponse.query(on: app.db).all()
            XCTAssertEqual(stored.map(\.wantsAnswer).sorted { !$0 && $1 }, [false, true])
            let cases = try await FeedbackCase.query(on: app.db).count()
            XCTAssertEqual(cases, 1, "only the answer that asked for one opens a case")
            let form = try await app.send(.GET, "/f/t-a1?lang=fi").text
            XCTAssertTrue(form.contains("<div class=\"contact-fields\" id=\"contact-fields\">"), "the fields the stylesheet hides until the box is ticked")
        }
    }

    func testStatusPageShowsNoPersonalData() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: [
                "contact": ["name": "Maija Meikäläinen", "email": "maija@example.fi"], "wantsAnswer": true, "openText": "Huono kokemus",
            ])
            let page = try await app.send(.GET, "/status/\(receipt.receipt)?lang=fi")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(receipt.receipt))
            for secret in ["Maija", "maija@example.fi", "Huono kokemus"] {
                XCTAssertFalse(page.text.contains(secret), secret)
            }
            let unknown = try await app.send(.GET, "/status/AAAA-BBBB")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }

    func testShortLinkAndQRCodesOpenTheTargetsForm() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let redirect = try await app.send(.GET, "/t/t-a1", headers: ["Accept-Language": "sv-FI,sv;q=0.9"])
            XCTAssertEqual(redirect.headers.first(name: .location), "/f/t-a1?lang=sv")
            let svg = try await app.send(.GET, "/t/t-a1/qr.svg", headers: ["Host": "palaute.example.fi"])
            XCTAssertEqual(svg.headers.contentType?.description, "image/svg+xml")
            XCTAssertTrue(svg.text.contains("<svg") && svg.text.contains("viewBox"))
            let png = try await app.send(.GET, "/t/t-a1/qr.png")
            XCTAssertEqual(png.headers.contentType, .png)
            XCTAssertEqual(Array(png.body.readableBytesView.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let poster = try await app.send(.GET, "/t/t-a1/print?lang=fi")
            XCTAssertTrue(poster.text.contains("/t/t-a1") && poster.text.contains("<svg"))
            let missing = try await app.send(.GET, "/t/none/qr.png")
            XCTAssertEqual(missing.status, .notFound)
        }
    }
}
