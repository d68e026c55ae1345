import KaikuCore
import XCTest

final class LanguageModelPromptTests: XCTestCase {
    private let themes = ["waiting", "care", "parking"]

    func testTheSystemPromptListsTheThemesAndTheFourSentiments() {
        let prompt = LanguageModelPrompt.system(themes: [LanguageModelTheme(code: "waiting", name: "Waiting"),
                                                         LanguageModelTheme(code: "parking", name: "Parking")])
        XCTAssertTrue(prompt.contains("- waiting: Waiting"))
        XCTAssertTrue(prompt.contains("- parking: Parking"))
        XCTAssertTrue(prompt.contains("positive, neutral, negative, mixed"))
        XCTAssertTrue(prompt.contains("JSON"))
    }

    func testAnAnswerKeepsOnlyKnownCodesOnceInItsOrder() {
        let parsed = LanguageModelPrompt.parse(#"{"themes": ["parking", "astrology", "Waiting", "parking"], "sentiment": "Negative"}"#, themes: themes)
        XCTAssertEqual(parsed, TextClassification(themes: ["parking", "waiting"], sentiment: .negative))
    }

    func testJSONInsideAFenceOrProseIsRead() {
        let parsed = LanguageModelPrompt.parse("Here you are:\n```json\n{\"themes\": [], \"sentiment\": \"mixed\"}\n```", themes: themes)
        XCTAssertEqual(parsed, TextClassification(themes: [], sentiment: .mixed))
    }

    func testAnswersThatAreNotTheJSONAskedForAreRefused() {
        for content in ["waiting, negative", "{\"themes\": [\"care\"]}", "{\"themes\": [\"care\"], \"sentiment\": \"angry\"}",
                        "{\"themes\": \"care\", \"sentiment\": \"negative\"}", "}{", ""] {
            XCTAssertNil(LanguageModelPrompt.parse(content, themes: themes), content)
        }
    }
}
