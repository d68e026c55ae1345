import Vapor

/// A request's query or form parameters as text, parsed once.
/// `request.query[String.self, at:]` and `request.content.get(_:at:)` parse
/// the whole query or body again at every call, so a page reading twenty
/// filters from a query of a few hundred parameters parsed it twenty times:
/// the work a request cost grew with the square of its length. Each value
/// is what those calls would give (the same decoder, the last of repeated
/// values).
struct TextParameters: Decodable, Sendable {
    private var values: [String: String] = [:]

    init() {}

    init(values: [String: String]) {
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: BasicCodingKey.self)
        for key in container.allKeys {
            values[key.stringValue] = try? container.decode(String.self, forKey: key)
        }
    }

    subscript(_ name: String) -> String? { values[name] }
}

extension Request {
    /// The query's parameters as text, parsed once per request and URL; a
    /// query that cannot be parsed has none, as each lookup would find none.
    var queryStrings: TextParameters {
        let url = self.url.string
        if let cached = storage[QueryStringsKey.self], cached.url == url { return cached.strings }
        let strings = TextParameters.fastURLEncoded(self.url.query ?? "")
            ?? (try? query.decode(TextParameters.self)) ?? TextParameters()
        storage[QueryStringsKey.self] = (url, strings)
        return strings
    }

    /// The body's parameters (a form, multipart or not, or a JSON object) as
    /// text, parsed once per request when the body has arrived; a body that
    /// is none of these has none.
    var contentStrings: TextParameters {
        if let cached = storage[ContentStringsKey.self] { return cached }
        let form = headers.contentType == .urlEncodedForm ? body.data.map { $0.getString(at: $0.readerIndex, length: $0.readableBytes) ?? "" } : nil
        let strings = form.flatMap(TextParameters.fastURLEncoded) ?? (try? content.decode(TextParameters.self)) ?? TextParameters()
        // A body still streaming is read later (StaffPageGuard collects it first).
        if body.data != nil { storage[ContentStringsKey.self] = strings }
        return strings
    }
}

private enum QueryStringsKey: StorageKey {
    typealias Value = (url: String, strings: TextParameters)
}

private enum ContentStringsKey: StorageKey {
    typealias Value = TextParameters
}
