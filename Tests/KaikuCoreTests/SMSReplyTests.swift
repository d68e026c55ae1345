import Foundation
import KaikuCore
import XCTest

final class SMSReplyTests: XCTestCase {
    func testScoresAreNumbersFromZeroToTenWithLittleAround() {
        for (text, score) in [("9", 9), (" 10 ", 10), ("0", 0), ("9.", 9), ("10!", 10), ("8/10", 8), ("7 / 10", 7)] {
            XCTAssertEqual(SMSReply.parse(text, at: .score), .score(score), text)
        }
        for text in ["11", "-1", "9 10", "ok 9", "yhdeksän", "", "100", "9,5"] {
            XCTAssertEqual(SMSReply.parse(text, at: .score), .unclear, text)
        }
    }

    func testStopWordsInEachLanguageOptOutAtEveryStep() {
        for text in ["LOPETA", "lopeta", "Stopp", "stop.", " STOP! "] {
            XCTAssertEqual(SMSReply.parse(text, at: .score), .optOut, text)
            XCTAssertEqual(SMSReply.parse(text, at: .comment), .optOut, text)
        }
        XCTAssertEqual(SMSReply.parse("Älkää lopettako palvelua", at: .comment), .comment("Älkää lopettako palvelua"))
    }

    func testAnyTextIsACommentAfterTheScore() {
        XCTAssertEqual(SMSReply.parse("  Hyvä palvelu\n", at: .comment), .comment("Hyvä palvelu"))
        XCTAssertEqual(SMSReply.parse("5", at: .comment), .comment("5"))
        XCTAssertEqual(SMSReply.parse("   ", at: .comment), .unclear)
    }
}
