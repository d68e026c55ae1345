/// An Open311 answer in the format the path asked for (`requests.json`,
/// `requests.xml`): a list of objects (services, requests, errors) or one
/// object (a service definition).
public struct Open311Document: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        /// A JSON array; in XML `<root><item>…</item>…</root>`.
        case list([Open311Object], root: String, item: String)
        /// A JSON object; in XML `<root>…</root>`.
        case single(Open311Object, root: String)
    }

    public var shape: Shape

    public init(_ shape: Shape) {
        self.shape = shape
    }

    public func render(_ format: Open311Format) -> String {
        switch format {
        case .json: json()
        case .xml: xml()
        }
    }

    public func json() -> String {
        var out = ExportBytes()
        switch shape {
        case .list(let objects, _, _): Self.writeJSON(.list(objects.map(Open311Value.object), item: ""), to: &out)
        case .single(let object, _): Self.writeJSON(.object(object), to: &out)
        }
        return out.text
    }

    public func xml() -> String {
        var out = #"<?xml version="1.0" encoding="utf-8"?>"#
        switch shape {
        case .list(let objects, let root, let item):
            Self.writeXML(.list(objects.map(Open311Value.object), item: item), named: root, to: &out)
        case .single(let object, let root):
            Self.writeXML(.object(object), named: root, to: &out)
        }
        return out
    }

    private static func writeJSON(_ value: Open311Value, to out: inout ExportBytes) {
        switch value {
        case .string(let text): JSONText.appendString(text, to: &out)
        case .number(let number): out += number.isFinite ? "\(number)" : "null"
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .list(let values, _):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                writeJSON(element, to: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (index, field) in object.fields.enumerated() {
                if index > 0 { out += "," }
                JSONText.appendString(field.name, to: &out)
                out += ":"
                writeJSON(field.value, to: &out)
            }
            out += "}"
        }
    }

    private static func writeXML(_ value: Open311Value, named name: String, to out: inout String) {
        out += "<\(name)>"
        switch value {
        case .string(let text): out += XMLText.escape(text)
        case .number(let number): out += number.isFinite ? "\(number)" : ""
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .list(let values, let item): for element in values { writeXML(element, named: item, to: &out) }
        case .object(let object): for field in object.fields { writeXML(field.value, named: field.name, to: &out) }
        }
        out += "</\(name)>"
    }
}
