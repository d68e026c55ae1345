import KaikuCore
import XCTest
@testable import KaikuWeb

final class TemplateEditModelTests: XCTestCase {
    private let organisation = LocalizedText(fi: "Kaikun hyvinvointialue", sv: "Kaiku välfärdsområde", en: "Kaiku wellbeing county")

    func testThePreviewFillsTheSampleReceiptAndTheNameInTheTemplatesLanguage() {
        let draft = ReplyTemplateDraft(name: "Tack", language: "sv", subject: "Din respons {receipt}", body: "Tack!\n{organisation}")
        let preview = TemplateEditModel.preview(of: draft, organisationName: organisation)
        XCTAssertEqual(preview, .init(subject: "Din respons K7Q4MX2P", body: "Tack!\nKaiku välfärdsområde"))
    }

    func testAnEmptyDraftHasNoPreview() {
        XCTAssertNil(TemplateEditModel.preview(of: ReplyTemplateDraft(name: "", language: "fi", subject: "", body: ""), organisationName: organisation))
    }

    func testANewTemplatePostsToTheNewAddressAndASavedOneToItsOwn() {
        let draft = ReplyTemplateDraft(name: "", language: "fi", subject: "", body: "")
        let id = UUID()
        XCTAssertEqual(TemplateEditModel(id: nil, draft: draft, languages: [.fi]).action.path, "/staff/admin/templates/new")
        XCTAssertEqual(TemplateEditModel(id: id, draft: draft, languages: [.fi]).action.path, "/staff/admin/templates/\(id)")
    }

    func testTemplatesAreListedByLanguageThenName() {
        let rows = [("b", "sv"), ("B", "fi"), ("a", "fi"), ("c", "en")].map { TemplatesModel.Row(id: UUID(), name: $0.0, language: $0.1, subject: "") }
        XCTAssertEqual(TemplatesModel.ordered(rows).map(\.name), ["a", "B", "b", "c"])
    }

    func testReferralEntriesUseTheOrganisationsTextOrElseTheStandardOne() {
        let entries = ReferralTextsModel.entries(
            kinds: ["complaint"], languages: [.fi, .sv],
            own: { _, language in language == .sv ? ("Egen text", "https://example.fi") : nil },
            standard: { kind, language in "\(kind) \(language.rawValue)" })
        XCTAssertEqual(entries.map(\.text), ["complaint fi", "Egen text"])
        XCTAssertEqual(entries.map(\.isStandard), [true, false])
        XCTAssertEqual(entries.map(\.key), ["complaint-fi", "complaint-sv"])
    }
}
