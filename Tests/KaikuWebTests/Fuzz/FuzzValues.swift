import Foundation

/// The odd values the route fuzzer tries, and a plausible value for every
/// parameter so that one odd value at a time gets past the others' checks.
enum FuzzValues {
    /// Days and times at and beyond the ends of the calendar, and impossible ones.
    static let dates = [
        "0001-01-01", "0001-06-01", "0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31", "10000-01-01", "-0001-01-01",
        "2026-02-30", "2026-13-01", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00-12:00", "2026-W53", "2026-12",
    ]

    /// Negative, huge, fractional and non-numeric numbers.
    static let numbers = [
        "-1", "0", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "99999999999999999999999",
        "1e308", "-1e308", "NaN", "Infinity", "1.5", "0x10", "abc",
    ]

    /// Empty, long and hostile text.
    static let texts = [
        "", " ", String(repeating: "x", count: 5_000), "ä😀\u{202E}", "%", "../../etc/passwd", "<script>alert(1)</script>",
        "' OR 1=1 --", "a,b,,c", "\u{1}",
    ]

    static let all = dates + numbers + texts

    /// A smaller set for trying one parameter at a time.
    static let pointed = ["0001-01-01", "0001-06-01", "9999-12-31", "10000-01-01", "2026-02-30", "9999-12-31T23:59:59Z",
                          "0001-01-01T00:00:00-12:00", "-1", "0", "9223372036854775807", "-9223372036854775808",
                          "99999999999999999999999", "1e308", "NaN", "", String(repeating: "9", count: 400), "\u{1}"]

    /// JSON values for request bodies: the same oddities as literals, and
    /// other types than the field expects.
    static let json: [String] = (dates + numbers.prefix(3) + texts.prefix(4)).map { "\"\(jsonEscaped($0))\"" } + [
        "-1", "0", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1.5",
        "null", "true", "[]", "{}", "[null]", "{\"\": null}", "[[[[[[[[[[]]]]]]]]]]",
    ]

    /// Plausible values, so that the parameter under test is the only odd one;
    /// a few names mean different things on different paths.
    static func baseline(for name: String, path: String = "", world: FuzzWorld) -> String {
        let lower = name.lowercased()
        switch (lower, path) {
        case ("channel", _) where path.hasSuffix("/answer") || path.hasSuffix("/send"): return "email"
        case ("status", _) where path.contains("delivery-reports"): return "delivered"
        case ("text", _) where path.contains("/sms/inbound"): return "9"
        case ("unit", _) where path.hasSuffix("/reroute"): return "A2"
        case ("email", _) where path.hasSuffix("/assign"): return "fuzz-handler@test.example"
        case ("email", _) where path.hasSuffix("/auth/token") || path.hasSuffix("/staff/login"): return world.adminEmail
        case ("password", _) where path.hasSuffix("/auth/token") || path.hasSuffix("/staff/login"): return TestWorld.password
        default: break
        }
        switch lower {
        case "respondent": return "self"
        case "publishopentext": return "afterReview"
        case "quietfrom": return "21:00"
        case "quietto": return "08:00"
        case "dir": return "asc"
        case "theme": return "thanks"
        case "visitid": return "V-1"
        case "template": return ""
        case "description", "title", "note", "subject", "body", "text", "opentext": return "Kiitos hyvästä palvelusta"
        case "first_name", "last_name": return "Fuzz"
        case "reason": return "Väärä yksikkö"
        case "assignee", "user": return "fuzz-handler@test.example"
        case "question": return "nps"
        case "from", "start_date", "updated_after", "since": return "2026-01-01"
        case "to", "end_date", "updated_before", "until": return "2026-01-31"
        case "date": return "2026-01-15"
        case "time", "answeredat", "at", "sendat": return "2026-01-15T10:00:00+02:00"
        case "unit", "service_object_id", "parent": return "A1"
        case "units", "units[]": return "A1"
        case "target", "service_code", "code": return "t-a1"
        case "targets", "targets[]": return "t-a1"
        case "lang", "language", "locale": return "fi"
        case "channel": return "web"
        case "groupby": return "unit"
        case "trend": return "month"
        case "status": return "open"
        case "receipt": return world.receipt
        case "service_request_id", "id", "response": return world.responseID
        case "jurisdiction_id", "organisation", "org": return "test-county"
        case "limit": return "10"
        case "offset": return "0"
        case "page": return "1"
        case "format": return "json"
        case "nps", "value": return "7"
        case "email": return "fuzz@example.org"
        case "phone": return "040 123 4567"
        case "password": return "a-fuzzing-passphrase-2026"
        case "role": return "handler"
        case "kind": return "complaint"
        case "decision": return "publish"
        case "public", "benchmarking", "enabled", "consent", "wantsanswer", "mine", "bom", "extensions", "dryrun": return "true"
        case "nondisclosure": return "false"
        case "api_key": return world.apiKey
        case "next", "back": return "/staff"
        case "url": return "https://example.org/palaute"
        case _ where lower.contains("email"): return "fuzz@example.org"
        case _ where lower.contains("phone"): return "040 123 4567"
        default: return "fuzz"
        }
    }

    /// A plausible JSON value for a body field.
    static func jsonBaseline(for name: String, path: String = "", world: FuzzWorld) -> String {
        switch name {
        case "answers": return "{\"nps\": 7, \"felt_safe\": 4}"
        case "contact": return "{\"name\": \"Fuzz\", \"email\": \"fuzz@example.org\"}"
        case "questions": return "[]"
        case "targets": return "[\"t-a1\"]"
        case "units": return "[\"A1\"]"
        case "name": return "\"Fuzz\""
        case "nps", "limit": return "7"
        case "promiseDays": return "14"
        case "retentionDays": return "365"
        case "minimumN": return "5"
        case "offlineAfterMinutes": return "15"
        case "delayMinutes": return "60"
        case "oncePerDays": return "30"
        case "template": return "null"
        case "public", "benchmarking", "enabled", "consent", "wantsAnswer": return "true"
        case "nonDisclosure": return "false"
        default: return "\"\(jsonEscaped(baseline(for: name, path: path, world: world)))\""
        }
    }

    static func jsonEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
