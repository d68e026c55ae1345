import Vapor

/// A request's query parameters as text, parsed once.
/// `request.query[String.self, at:]` parses the whole query again at every
/// call, so a page reading twenty filters from a query of a few hundred
/// parameters parsed it twenty times: the work a request costs grew with
/// the square of its length. Each value is what that subscript would give
/// (the same decoder, the last of repeated values).
struct QueryStrings: Decodable, Sendable {
    private var values: [String: String] = [:]

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: BasicCodingKey.self)
        for key in container.allKeys {
            values[key.stringValue] = try? container.decode(String.self, forKey: key)
        }
    }

    subscript(_ name: String) -> String? { values[name] }
}

extension Request {
    /// The query's parameters as text, parsed once per request and URL
    /// (`QueryStrings`); a query that cannot be parsed has none, as each
    /// lookup would find none.
    var queryStrings: QueryStrings {
        let url = self.url.string
        if let cached = storage[QueryStringsKey.self], cached.url == url { return cached.strings }
        let strings = (try? query.decode(QueryStrings.self)) ?? QueryStrings()
        storage[QueryStringsKey.self] = (url, strings)
        return strings
    }
}

private enum QueryStringsKey: StorageKey {
    typealias Value = (url: String, strings: QueryStrings)
}
