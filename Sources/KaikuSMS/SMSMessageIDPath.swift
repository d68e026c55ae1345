import Foundation

/// Where in the gateway's JSON answer its id for the message is, written as
/// dotted keys with array indexes as numbers: `id`, `messageId`,
/// `messages.0.id`. The id is what the gateway's delivery reports will refer
/// to, so Kaiku keeps it beside its own reference.
public struct SMSMessageIDPath: Sendable, Hashable, CustomStringConvertible {
    public let components: [String]

    public static let `default` = SMSMessageIDPath(components: ["id"])

    /// An empty path means the gateway answers with no id worth keeping.
    public init(parsing path: String) throws {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            self.components = []
            return
        }
        let components = trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard components.allSatisfy({ !$0.isEmpty }) else {
            throw SMSConfigurationError(
                setting: "message id path",
                problem: "\"\(path)\" has an empty step; write keys and indexes separated by single dots, e.g. messages.0.id"
            )
        }
        self.components = components
    }

    init(components: [String]) {
        self.components = components
    }

    public var description: String { components.joined(separator: ".") }

    /// The id in `body`, or nil when the body is not JSON or the path leads
    /// nowhere. Numbers are accepted as well as strings because some gateways
    /// number their messages.
    public func extract(from body: Data) -> String? {
        guard !components.isEmpty,
              var node = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        else { return nil }
        for component in components {
            if let object = node as? [String: Any], let child = object[component] {
                node = child
            } else if let array = node as? [Any], let index = Int(component), array.indices.contains(index) {
                node = array[index]
            } else {
                return nil
            }
        }
        if let string = node as? String {
            return string.isEmpty ? nil : string
        }
        // Numbers are written back out as JSON rather than cast, because how
        // a parsed number bridges (Int, Double, NSNumber, even Bool) differs
        // between Foundation on Linux and on Apple platforms.
        guard !(node is [Any]), !(node is [String: Any]),
              let data = try? JSONSerialization.data(withJSONObject: node, options: [.fragmentsAllowed]),
              let text = String(data: data, encoding: .utf8),
              text.first.map({ $0 == "-" || $0.isNumber }) == true
        else { return nil }
        return text
    }
}
