/// The format named by the path's extension.
public enum Open311Format: String, Sendable, CaseIterable {
    case json, xml

    /// Splits `requests.json` into `requests` and `.json`; nil when the extension is neither.
    public static func split(_ component: String) -> (name: String, format: Open311Format)? {
        guard let dot = component.lastIndex(of: "."),
              let format = Open311Format(rawValue: component[component.index(after: dot)...].lowercased()) else { return nil }
        return (String(component[..<dot]), format)
    }
}
