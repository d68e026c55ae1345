import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Answering on the case page: a template fills the box for editing, nothing
/// is sent before the preview's "Send", and calls and interim replies are
/// steps of their own, shown with the handler's name.
final class CaseAnsweringPageTests: XCTestCase {
    func testTemplateFillsTheBoxInTheCustomersLanguageAndOnlyThePreviewSends() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            try await CaseFixtures.user(app, world, role: .handler, unit: "A1", email: "h@test.example", name: "Hanna Käsittelijä")
            let fi = try await CaseFixtures.template(app, world, name: "Kiitos", language: "fi", body: "Hei, kiitos palautteesta {receipt}.")
            let sv = try await CaseFixtures.template(app, world, name: "Tack", language: "sv", body: "Hej, tack för responsen {receipt}.")
            let item = try await CaseFixtures.open(app, target: "t-a1", language: "sv", text: "Ingen svarade.")
            let browser = StaffBrowser(app)
            _ = try await browser.signIn(email: "h@test.example")
            let path = "/staff/cases/\(item.id!.uuidString)"

            let page = try await browser.get(path)
            let svOption = try XCTUnwrap(page.text.range(of: "value=\"\(sv.uuidString)\""))
            let fiOption = try XCTUnwrap(page.text.range(of: "value=\"\(fi.uuidString)\""))
            XCTAssertLessThan(svOption.lowerBound, fiOption.lowerBound, "the customer wrote in Swedish: Swedish templates first")

            let filled = try await browser.post("\(path)/answer", form: ["step": "template", "template": sv.uuidString, "channel": "email", "subject": "", "text": ""])
            XCTAssertEqual(filled.status, .ok)
            XCTAssertTrue(filled.text.contains("Hej, tack för responsen \(item.receipt).</textarea>"), "the box holds the filled template for editing")
            XCTAssertTrue(mail.messages.isEmpty)

            let answer = ["step": "preview", "template": "", "channel": "email", "subject": "Svar", "text": "Hej, vi har rett ut saken."]
            let preview = try await browser.post("\(path)/answer", form: answer)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertTrue(preview.text.contains("a…@example.fi"), "the address is masked")
            XCTAssertFalse(preview.text.contains("asiakas@example.fi"))
            XCTAssertTrue(preview.text.contains("Hej, vi har rett ut saken."))
            XCTAssertTrue(preview.text.contains("id=\"send-form\""))
            XCTAssertTrue(mail.messages.isEmpty, "the preview sends nothing")
            let stillOpen = try await FeedbackCase.find(item.id, on: app.db)
            XCTAssertEqual(stillOpen?.status, "open")

            let edit = try await browser.post("\(path)/answer", form: ["step": "edit", "channel": "email", "subject": "Svar", "text": "Hej, vi har rett ut saken."])
            XCTAssertTrue(edit.text.contains("Hej, vi har rett ut saken.</textarea>"), "Edit brings the text back into the box")

            let sent = try await browser.post("\(path)/send", form: ["channel": "email", "subject": "Svar", "text": "Hej, vi har rett ut saken."])
            XCTAssertEqual(sent.headers.first(name: .location), "\(path)?done=answer#notice")
            XCTAssertEqual(mail.messages.map(\.to), ["asiakas@example.fi"])
            XCTAssertEqual(mail.messages.first?.body, "Hej, vi har rett ut saken.")
        }
    }

    func testCallsAndInterimRepliesAreStepsOfTheirOwnShownWithTheHandlersName() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await CaseFixtures.user(app, world, role: .handler, unit: "A1", email: "h@test.example", name: "Hanna Käsittelijä")
            let item = try await CaseFixtures.open(app, target: "t-a1")
            let browser = StaffBrowser(app)
            _ = try await browser.signIn(email: "h@test.example")
            let path = "/staff/cases/\(item.id!.uuidString)"
            _ = try await browser.get(path)

            let refused = try await browser.post("\(path)/calls", form: ["summary": ""])
            XCTAssertEqual(refused.status, .badRequest)
            let called = try await browser.post("\(path)/calls", form: ["summary": "Lupasin selvittää <asian>"])
            XCTAssertEqual(called.headers.first(name: .location), "\(path)?done=calls#notice")
            let interim = try await browser.post("\(path)/interim-replies", form: ["note": ""])
            XCTAssertEqual(interim.headers.first(name: .location), "\(path)?done=interim#notice")

            let page = try await browser.get("\(path)?done=interim")
            XCTAssertTrue(page.text.contains("data-kind=\"called\""))
            XCTAssertTrue(page.text.contains("Lupasin selvittää &lt;asian&gt;"), "the summary is shown escaped")
            XCTAssertTrue(page.text.contains("data-kind=\"interimReply\""))
            XCTAssertTrue(page.text.contains(" – Hanna Käsittelijä"), "the history names the handler, not their address")
            XCTAssertTrue(page.text.contains("class=\"staff-user\" title=\"h@test.example\">Hanna Käsittelijä<"), "the header shows the name")
            let stored = try await FeedbackCase.find(item.id, on: app.db)
            XCTAssertEqual(stored?.status, "open", "the customer still waits for the answer")
            XCTAssertNotNil(stored?.firstContactAt)
        }
    }
}
