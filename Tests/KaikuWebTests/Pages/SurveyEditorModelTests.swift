import Foundation
import KaikuCore
import XCTest
@testable import KaikuWeb

/// The survey editor's draft as the form carries it, and what its buttons do.
final class SurveyEditorModelTests: XCTestCase {
    private let form: [String: String] = [
        "q0_type": "scale1to5", "q0_id": " parking ", "q0_fi": "Pysäköinti", "q0_sv": "Parkering",
        "q1_type": "choice", "q1_id": "visit_kind", "q1_fi": "Käynti",
        "q1_o0_id": "first", "q1_o0_fi": "Ensimmäinen", "q1_o1_id": "again", "q1_o1_fi": "Uudestaan",
        "q3_type": "text", "q3_id": "after_a_gap",
    ]

    func testTheDraftIsReadInOrderUpToTheFirstMissingQuestion() {
        let drafts = SurveyEditorForm.drafts(from: form)

        XCTAssertEqual(drafts.map(\.id), ["parking", "visit_kind"], "ids are trimmed; a gap ends the draft")
        XCTAssertEqual(drafts[0].text?.sv, "Parkering")
        XCTAssertNil(drafts[0].options)
        XCTAssertEqual(drafts[1].options?.map(\.id), ["first", "again"])
    }

    func testButtonsMoveRemoveAndAddWithinTheRules() {
        let drafts = SurveyEditorForm.drafts(from: form)

        XCTAssertEqual(SurveyEditorForm.apply(.up(1), to: drafts).map(\.id), ["visit_kind", "parking"])
        XCTAssertEqual(SurveyEditorForm.apply(.up(0), to: drafts).map(\.id), ["parking", "visit_kind"], "the first stays first")
        XCTAssertEqual(SurveyEditorForm.apply(.down(1), to: drafts).map(\.id), ["parking", "visit_kind"], "the last stays last")
        XCTAssertEqual(SurveyEditorForm.apply(.remove(7), to: drafts).count, 2, "a stale index changes nothing")
        XCTAssertEqual(SurveyEditorForm.apply(.removeOption(1, 0), to: drafts)[1].options?.map(\.id), ["again"])
        XCTAssertEqual(SurveyEditorForm.apply(.add(.choice), to: drafts).last?.options?.count, 2)
        let full = (0..<30).map { OwnQuestionDraft(id: "q\($0)", type: "text") }
        XCTAssertEqual(SurveyEditorForm.apply(.add(.text), to: full).count, 30, "no more than the rules allow")
    }

    func testActionsRoundTripAndNonsenseIsNoAction() {
        for action in [SurveyEditorForm.Action.add(.scale1to5), .remove(2), .up(1), .down(0), .addOption(3), .removeOption(3, 11), .preview, .publish] {
            XCTAssertEqual(SurveyEditorForm.Action(action.rawValue), action)
        }
        XCTAssertNil(SurveyEditorForm.Action("add-scale0to10"))
        XCTAssertNil(SurveyEditorForm.Action("remove-x"))
        XCTAssertNil(SurveyEditorForm.Action("drop table"))
    }

    func testARuleFieldLinksToTheInputItNames() {
        let drafts = SurveyEditorForm.drafts(from: form)

        XCTAssertEqual(SurveyEditorForm.inputID(for: "questions[1].options[0].text.sv", drafts: drafts), "q1_o0_sv")
        XCTAssertEqual(SurveyEditorForm.inputID(for: "questions[1].options[1].id", drafts: drafts), "q1_o1_id")
        XCTAssertEqual(SurveyEditorForm.inputID(for: "questions[0].text.fi", drafts: drafts), "q0_fi")
        XCTAssertEqual(SurveyEditorForm.inputID(for: "questions[0].type", drafts: drafts), "q0_id")
        XCTAssertEqual(SurveyEditorForm.inputID(for: "questions[1].options", drafts: drafts), "q1_o0_id")
        XCTAssertEqual(SurveyEditorForm.inputID(for: "questions", drafts: drafts), "add-scale1to5")
    }
}
