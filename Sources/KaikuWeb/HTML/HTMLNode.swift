import KaikuCore

/// A small type-safe HTML tree. Text and attribute values are always
/// escaped when rendered, so hostile input can only ever show as text.
public indirect enum HTMLNode: Sendable {
    case element(String, [HTMLAttribute], [HTMLNode])
    case text(String)
    /// Trusted markup written by Kaiku itself (inline SVG charts, the doctype).
    case trusted(String)
    case group([HTMLNode])

    static let voidElements: Set<String> = ["area", "br", "col", "hr", "img", "input", "link", "meta", "source"]

    public static func el(_ tag: String, _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        .element(tag, attributes, content())
    }

    public static func el(_ tag: String, _ attributes: [HTMLAttribute], @HTMLBuilder content: () -> [HTMLNode] = { [] }) -> HTMLNode {
        .element(tag, attributes, content())
    }

    public func render() -> String {
        var output = ""
        output.reserveCapacity(16_384)
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch self {
        case .text(let text):
            output += HTMLText.escape(text)
        case .trusted(let markup):
            output += markup
        case .group(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let tag, let attributes, let children):
            output += "<" + tag
            for attribute in attributes {
                output += " " + attribute.name
                if let value = attribute.value { output += "=\"" + HTMLText.escape(value) + "\"" }
            }
            output += ">"
            guard !HTMLNode.voidElements.contains(tag) else { return }
            for child in children { child.render(into: &output) }
            output += "</" + tag + ">"
        }
    }

}

public struct HTMLAttribute: Sendable {
    public var name: String
    /// `nil` renders a boolean attribute such as `required`.
    public var value: String?

    public static func attr(_ name: String, _ value: String?) -> HTMLAttribute { HTMLAttribute(name: name, value: value) }
    public static func id(_ value: String) -> HTMLAttribute { .attr("id", value) }
    public static func `class`(_ value: String) -> HTMLAttribute { .attr("class", value) }
    public static func href(_ value: String) -> HTMLAttribute { .attr("href", value) }
    public static func name(_ value: String) -> HTMLAttribute { .attr("name", value) }
    public static func type(_ value: String) -> HTMLAttribute { .attr("type", value) }
    public static func value(_ value: String) -> HTMLAttribute { .attr("value", value) }
    public static func lang(_ value: String) -> HTMLAttribute { .attr("lang", value) }
    public static func `for`(_ value: String) -> HTMLAttribute { .attr("for", value) }
    public static func flag(_ name: String) -> HTMLAttribute { .attr(name, nil) }
}

@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ node: HTMLNode) -> [HTMLNode] { [node] }
    public static func buildExpression(_ nodes: [HTMLNode]) -> [HTMLNode] { nodes }
    public static func buildExpression(_ node: HTMLNode?) -> [HTMLNode] { node.map { [$0] } ?? [] }
    public static func buildExpression(_ text: String) -> [HTMLNode] { [.text(text)] }
    public static func buildBlock(_ parts: [HTMLNode]...) -> [HTMLNode] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [HTMLNode]?) -> [HTMLNode] { part ?? [] }
    public static func buildEither(first part: [HTMLNode]) -> [HTMLNode] { part }
    public static func buildEither(second part: [HTMLNode]) -> [HTMLNode] { part }
    public static func buildArray(_ parts: [[HTMLNode]]) -> [HTMLNode] { parts.flatMap { $0 } }
}
