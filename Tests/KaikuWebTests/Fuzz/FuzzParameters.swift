import Foundation

/// Every parameter name a request to Kaiku can carry, gathered from the
/// sources and the OpenAPI document rather than listed by hand, so that a
/// parameter added tomorrow is fuzzed without anyone remembering to.
enum FuzzParameters {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Query and form names read by the web layer, and the properties of the
    /// forms and request bodies it decodes.
    static func names() throws -> [String] {
        var names = Set<String>()
        let sources = repositoryRoot.appendingPathComponent("Sources/KaikuWeb")
        let patterns = [
            #"at: "([A-Za-z_][A-Za-z0-9_]*(?:\[\])?)""#,
            #"(?:values|form|fields|query|queryStrings)\["([A-Za-z_][A-Za-z0-9_]*)"\]"#,
            // Page filters read their query string through a function: `query("status")`.
            #"\bquery\("([A-Za-z_][A-Za-z0-9_]*)"\)"#,
            #"request, "([a-z_]+)""#,
        ].map { try! NSRegularExpression(pattern: $0) }
        let property = try NSRegularExpression(pattern: #"^\s+(?:public )?var `?([a-z][A-Za-z0-9_]*)`?: "#, options: .anchorsMatchLines)
        let decoded = try NSRegularExpression(pattern: #"struct \w*(?:Form|Request|Change|Body|Registration|Draft|Pairing|DTO|Settings)\w*\b[^{]*\{([^}]*)\}"#)
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let whole = NSRange(text.startIndex..., in: text)
            for pattern in patterns {
                for match in pattern.matches(in: text, range: whole) { names.insert((text as NSString).substring(with: match.range(at: 1))) }
            }
            for block in decoded.matches(in: text, range: whole) {
                let body = (text as NSString).substring(with: block.range(at: 1))
                for match in property.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                    names.insert((body as NSString).substring(with: match.range(at: 1)))
                }
            }
        }
        names.formUnion(try openAPINames())
        names.subtract(["csrf"])
        return names.sorted()
    }

    /// Parameter and request-body property names of the OpenAPI document.
    static func openAPINames() throws -> Set<String> {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Sources/KaikuWeb/Resources/openapi.json"))
        var names = Set<String>()
        let document = try JSONSerialization.jsonObject(with: data)
        let schemas = ((document as? [String: Any])?["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var resolved = Set<String>()
        func walk(_ value: Any, inBody: Bool) {
            if let object = value as? [String: Any] {
                if inBody, let ref = object["$ref"] as? String, let name = ref.split(separator: "/").last.map(String.init),
                   let schema = schemas[name], resolved.insert(name).inserted {
                    walk(schema, inBody: true)
                }
                if let location = object["in"] as? String, ["query", "path"].contains(location), let name = object["name"] as? String {
                    names.insert(name)
                }
                if inBody, let properties = object["properties"] as? [String: Any] { names.formUnion(properties.keys) }
                for (key, child) in object { walk(child, inBody: inBody || key == "requestBody") }
            } else if let array = value as? [Any] {
                for child in array { walk(child, inBody: inBody) }
            }
        }
        walk(document, inBody: false)
        return names
    }
}
