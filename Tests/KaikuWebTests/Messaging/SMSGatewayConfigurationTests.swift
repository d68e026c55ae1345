import Foundation
import XCTest
@testable import KaikuWeb
@testable import KaikuSMS

/// Reading the gateway settings, filling in the payload, finding the id and
/// timing retries: the parts of the SMS client that need no network.
final class SMSGatewayConfigurationTests: XCTestCase {
    func testNoURLMeansSMSIsOff() throws {
        XCTAssertNil(try SMSGatewayConfiguration.fromEnvironment([:]))
        XCTAssertNil(try SMSGatewayConfiguration.fromEnvironment(["KAIKU_SMS_URL": "  ", "KAIKU_SMS_AUTH": "bearer:x"]))
    }

    func testDefaults() throws {
        let configuration = try XCTUnwrap(SMSGatewayConfiguration.fromEnvironment(["KAIKU_SMS_URL": "https://sms.example.fi/v1/send"]))
        XCTAssertEqual(configuration.url.absoluteString, "https://sms.example.fi/v1/send")
        XCTAssertEqual(configuration.authentication, .none)
        XCTAssertEqual(configuration.payloadTemplate, .default)
        XCTAssertEqual(configuration.senderName, "Kaiku")
        XCTAssertEqual(configuration.maxAttempts, 4)
        XCTAssertEqual(configuration.baseBackoff, 0.5)
        XCTAssertEqual(configuration.messageIDPath.components, ["id"])
    }

    func testEverySettingIsRead() throws {
        let configuration = try XCTUnwrap(SMSGatewayConfiguration.fromEnvironment([
            "KAIKU_SMS_URL": "http://127.0.0.1:9099/messages",
            "KAIKU_SMS_AUTH": "header:X-Api-Key:abc:def",
            "KAIKU_SMS_PAYLOAD": #"{"messages":[{"destination":"{to}","body":"{text}","clientRef":"{reference}"}]}"#,
            "KAIKU_SMS_SENDER": "Palvelu",
            "KAIKU_SMS_ID_PATH": "messages.0.id",
            "KAIKU_SMS_TIMEOUT": "2.5",
            "KAIKU_SMS_MAX_ATTEMPTS": "6",
            "KAIKU_SMS_BACKOFF": "0.25",
        ]))
        XCTAssertEqual(configuration.authentication, .header(name: "X-Api-Key", value: "abc:def"))
        XCTAssertEqual(configuration.senderName, "Palvelu")
        XCTAssertEqual(configuration.messageIDPath.components, ["messages", "0", "id"])
        XCTAssertEqual(configuration.timeout, 2.5)
        XCTAssertEqual(configuration.maxAttempts, 6)
        XCTAssertEqual(configuration.baseBackoff, 0.25)
    }

    func testAuthenticationForms() throws {
        XCTAssertEqual(try SMSGatewayAuthentication(parsing: ""), .none)
        XCTAssertEqual(try SMSGatewayAuthentication(parsing: "none"), .none)
        XCTAssertEqual(try SMSGatewayAuthentication(parsing: "bearer:TOKEN:with:colons"), .bearer(token: "TOKEN:with:colons"))
        XCTAssertEqual(try SMSGatewayAuthentication(parsing: "Basic:user:pa:ss"), .basic(user: "user", password: "pa:ss"))
        let basic = try SMSGatewayAuthentication(parsing: "basic:Aladdin:open sesame")
        XCTAssertEqual(basic.headerField?.name, "Authorization")
        XCTAssertEqual(basic.headerField?.value, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        XCTAssertEqual(SMSGatewayAuthentication.bearer(token: "t").headerField?.value, "Bearer t")
    }

    func testInvalidValuesNameTheirVariable() {
        let cases: [(String, String, String)] = [
            ("KAIKU_SMS_URL", "ftp://sms.example.fi", "http"),
            ("KAIKU_SMS_URL", "sms.example.fi/send", "http"),
            ("KAIKU_SMS_AUTH", "token:abc", "unknown scheme"),
            ("KAIKU_SMS_AUTH", "bearer:", "needs a token"),
            ("KAIKU_SMS_AUTH", "basic:useronly", "USER:PASSWORD"),
            ("KAIKU_SMS_AUTH", "header:Bad Name:v", "header name"),
            ("KAIKU_SMS_AUTH", "header:X-Key:a\r\nX-Evil: 1", "line breaks"),
            ("KAIKU_SMS_PAYLOAD", #"{"to":"{to}"}"#, "{text}"),
            ("KAIKU_SMS_PAYLOAD", #"{"to":{to},"text":"{text}"}"#, "inside a string"),
            ("KAIKU_SMS_PAYLOAD", #"["{to}","{text}"]"#, "JSON object"),
            ("KAIKU_SMS_SENDER", "Kaikupalvelu123", "11"),
            ("KAIKU_SMS_ID_PATH", "messages..id", "empty step"),
            ("KAIKU_SMS_TIMEOUT", "0", "seconds"),
            ("KAIKU_SMS_MAX_ATTEMPTS", "zero", "1 to 20"),
            ("KAIKU_SMS_BACKOFF", "-1", "seconds"),
        ]
        for (variable, value, hint) in cases {
            var environment = ["KAIKU_SMS_URL": "https://sms.example.fi/send"]
            environment[variable] = value
            XCTAssertThrowsError(try SMSGatewayConfiguration.fromEnvironment(environment), "\(variable)=\(value)") { error in
                guard let error = error as? SMSConfigurationError else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(error.setting, variable)
                XCTAssertTrue(error.description.contains(hint), error.description)
            }
        }
    }

    func testTemplateEscapesEachValueOnceAndInPlace() throws {
        let template = SMSPayloadTemplate.default
        let body = template.render(to: "+358401234567", text: "Ä \"ö\" \\ {reference}\n\u{01}", reference: "r-1", sender: "Kaiku")
        XCTAssertEqual(body, #"{"to":"+358401234567","from":"Kaiku","text":"Ä \"ö\" \\ {reference}\n\u0001","reference":"r-1"}"#)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
        XCTAssertEqual(object["text"], "Ä \"ö\" \\ {reference}\n\u{01}")
    }

    func testTemplateKeepsOtherBracesAndRepeatedPlaceholders() throws {
        let template = try SMSPayloadTemplate(#"{"msg":{"to":["{to}"],"text":"{text}","note":"{unknown} {to}"}}"#)
        XCTAssertEqual(
            template.render(to: "+35840123", text: "t", reference: "r", sender: "s"),
            #"{"msg":{"to":["+35840123"],"text":"t","note":"{unknown} +35840123"}}"#
        )
    }

    func testMessageIDPath() throws {
        let nested = try SMSMessageIDPath(parsing: "messages.0.id")
        XCTAssertEqual(nested.extract(from: Data(#"{"messages":[{"id":"abc-1"}]}"#.utf8)), "abc-1")
        XCTAssertEqual(nested.extract(from: Data(#"{"messages":[{"id":12345}]}"#.utf8)), "12345")
        XCTAssertNil(nested.extract(from: Data(#"{"messages":[]}"#.utf8)))
        XCTAssertNil(nested.extract(from: Data(#"{"messages":[{"id":true}]}"#.utf8)))
        XCTAssertNil(nested.extract(from: Data("not json".utf8)))
        XCTAssertEqual(SMSMessageIDPath.default.extract(from: Data(#"{"id":"sim-3"}"#.utf8)), "sim-3")
        XCTAssertNil(try SMSMessageIDPath(parsing: "").extract(from: Data(#"{"id":"x"}"#.utf8)))
    }

    func testBackoffDoublesWithJitterAndStopsAtMaxAttempts() {
        let policy = SMSRetryPolicy(maxAttempts: 4, baseDelay: 0.5, longestWait: 30)
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: nil, jitter: 0), 0.25)
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: nil, jitter: 1), 0.5)
        XCTAssertEqual(policy.delay(afterAttempt: 3, retryAfter: nil, jitter: 1), 2)
        XCTAssertNil(policy.delay(afterAttempt: 4, retryAfter: nil, jitter: 0), "four attempts in all")
        for _ in 0..<100 {
            let delay = policy.delay(afterAttempt: 2, retryAfter: nil)!
            XCTAssertTrue((0.5...1).contains(delay), "\(delay)")
        }
        XCTAssertEqual(SMSRetryPolicy(maxAttempts: 50, baseDelay: 0.5, longestWait: 30).backoff(afterAttempt: 40, jitter: 1), 30)
    }

    func testRetryAfterWinsUnlessItAsksTooMuch() {
        let policy = SMSRetryPolicy(maxAttempts: 4, baseDelay: 0.5, longestWait: 30)
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: 0, jitter: 1), 0)
        XCTAssertEqual(policy.delay(afterAttempt: 1, retryAfter: 7, jitter: 1), 7)
        XCTAssertNil(policy.delay(afterAttempt: 1, retryAfter: 3600, jitter: 1), "an hour is the caller's to schedule")
    }

    func testRetryAfterHeaderForms() {
        let now = Date(timeIntervalSince1970: 1_445_412_480) // Wed, 21 Oct 2015 07:28:00 GMT
        XCTAssertEqual(SMSRetryPolicy.retryAfter("120", now: now), 120)
        XCTAssertEqual(SMSRetryPolicy.retryAfter(" 0 ", now: now), 0)
        XCTAssertEqual(SMSRetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now), 30)
        XCTAssertEqual(SMSRetryPolicy.retryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now: now), 0, "a date in the past means now")
        XCTAssertNil(SMSRetryPolicy.retryAfter("-5", now: now))
        XCTAssertNil(SMSRetryPolicy.retryAfter("soon", now: now))
        XCTAssertNil(SMSRetryPolicy.retryAfter(nil, now: now))
    }
}
