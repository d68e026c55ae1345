import Foundation
import XCTest
@testable import KaikuCore

final class ExportEncoderTests: XCTestCase {
    private let helsinki = TimeZone(identifier: "Europe/Helsinki")!

    /// Two surveys that order the same statements differently, as versions may.
    private func layout(_ kind: ExportLayout.Kind = .answers) -> ExportLayout {
        let statements = StatementColumns(columns: ["felt_safe", "smooth_access"], surveys: [
            (key: "AAAAAAAA-0000-0000-0000-000000000001", statementIDs: ["smooth_access", "felt_safe"]),
            (key: "AAAAAAAA-0000-0000-0000-000000000002", statementIDs: ["felt_safe", "own_question", "smooth_access"]),
        ])
        return ExportLayout(kind: kind, organisation: "county", statements: statements)
    }

    private func record(openText: String? = nil, statements: String? = "4,0", survey: Int? = 0) -> AnswerRecord {
        AnswerRecord(id: "R1", answeredAt: 1_774_750_000, localDay: 20_260_329, unit: "A1", target: "t-a1", channel: "kiosk", language: "sv",
                     respondent: "relative", ageGroup: "30-49", serviceMode: "onsite", recommendation: 9, survey: survey,
                     statements: statements, themes: ",access-quality-care,thanks,", sentiment: "positive", openText: openText)
    }

    private func csv(_ records: [AnswerRecord], kind: ExportLayout.Kind = .answers, bom: Bool = false) -> String {
        var encoder = ExportEncoder(layout: layout(kind), format: .csv, timeZone: helsinki, byteOrderMark: bom)
        return encoder.head() + String(decoding: encoder.encode(records), as: UTF8.self) + encoder.tail()
    }

    func testCSVHasAHeaderAndOneCRLFRecordPerAnswer() {
        let text = csv([record(openText: "Kiitos")])

        XCTAssertEqual(text, "response_id,answered_at,local_day,organisation,unit,target,channel,language,respondent,age_group,service_mode,nps,"
            + "felt_safe,smooth_access,themes,sentiment,open_text\r\n"
            + "R1,2026-03-29T05:06:40+03:00,2026-03-29,county,A1,t-a1,kiosk,sv,relative,30-49,onsite,9,"
            + "cannot_say,4,access-quality-care|thanks,positive,Kiitos\r\n")
    }

    func testStatementsFollowTheirOwnSurveysOrder() {
        let lines = csv([record(statements: "2,5,", survey: 1), record(statements: nil), record(statements: ",3", survey: 0)])
            .components(separatedBy: "\r\n")

        XCTAssertTrue(lines[1].contains(",9,2,,"), "felt_safe 2, smooth_access unanswered, own_question left out: \(lines[1])")
        XCTAssertTrue(lines[2].contains(",9,,,"), "no statements answered: \(lines[2])")
        XCTAssertTrue(lines[3].contains(",9,3,,"), "felt_safe is the second slot of survey 0: \(lines[3])")
    }

    func testQuotesFieldsWithCommasQuotesAndLineBreaks() {
        let text = csv([record(openText: "Hyvä, \"todella\"\nhyvä")])

        XCTAssertTrue(text.hasSuffix(",\"Hyvä, \"\"todella\"\"\nhyvä\"\r\n"), text)
    }

    func testDefusesSpreadsheetFormulas() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx"] {
            var out = ExportBytes()
            CSVText.appendField(formula, to: &out)
            XCTAssertTrue(out.text.hasPrefix("'") || out.text.hasPrefix("\"'"), "\(formula) → \(out.text)")
        }
        var plain = ExportBytes()
        CSVText.appendField("ok = fine", to: &plain)
        XCTAssertEqual(plain.text, "ok = fine")
    }

    func testByteOrderMarkOnlyWhenAsked() {
        XCTAssertTrue(csv([], bom: true).hasPrefix("\u{FEFF}response_id,"))
        XCTAssertTrue(csv([], bom: false).hasPrefix("response_id,"))
    }

    func testNationalLayoutHasNoTextTargetOrThemes() {
        let text = csv([record(openText: "secret")], kind: .national)

        XCTAssertEqual(text.components(separatedBy: "\r\n")[0],
                       "response_id,answered_at,local_day,organisation,unit,channel,language,respondent,age_group,service_mode,nps,felt_safe,smooth_access")
        XCTAssertFalse(text.contains("secret"))
        XCTAssertFalse(text.contains("t-a1"))
    }

    func testJSONIsOneArrayWithTheAPIsConventions() throws {
        var encoder = ExportEncoder(layout: layout(), format: .json, timeZone: helsinki)
        let text = encoder.head() + String(decoding: encoder.encode([record(openText: "Line\n\"quoted\" \u{1}"), record(statements: nil)]), as: UTF8.self)
            + encoder.tail()

        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0]["openText"] as? String, "Line\n\"quoted\" \u{1}")
        XCTAssertEqual(rows[0]["answeredAt"] as? String, "2026-03-29T05:06:40+03:00")
        XCTAssertEqual(rows[0]["themes"] as? [String], ["access-quality-care", "thanks"])
        let answers = try XCTUnwrap(rows[0]["answers"] as? [String: Any])
        XCTAssertTrue(answers["felt_safe"] is NSNull, "cannot say is null")
        XCTAssertEqual(answers["smooth_access"] as? Int, 4)
        XCTAssertEqual((rows[1]["answers"] as? [String: Any])?.count, 0, "unanswered statements are left out")
        XCTAssertTrue(rows[1]["openText"] is NSNull)
    }

    func testEmptyJSONExportIsAnEmptyArray() throws {
        var encoder = ExportEncoder(layout: layout(), format: .json, timeZone: helsinki)
        let text = encoder.head() + String(decoding: encoder.encode([]), as: UTF8.self) + encoder.tail()

        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])?.count, 0)
    }
}

final class ExportBytesTests: XCTestCase {
    func testNumbersAreWrittenInDecimalWithPadding() {
        var out = ExportBytes()
        for (number, width) in [(0, 1), (7, 2), (42, 4), (2026, 4), (123_456_789, 2), (-15, 1), (Int.max, 1)] {
            out.append(number: number, width: width)
            out += ","
        }

        XCTAssertEqual(out.text, "0,07,0042,2026,123456789,-15,\(Int.max),")
    }
}
