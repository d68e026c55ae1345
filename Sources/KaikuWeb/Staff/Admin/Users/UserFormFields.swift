import Foundation
import KaikuCore

/// The labelled inputs of the users pages: a hint and an error, when there
/// is one, are linked to the input (aria-describedby) so that a screen
/// reader reads them with it, and the input is marked invalid.
enum UserFormFields {
    static func id(_ name: String) -> String { "f-\(name)" }

    static func input(_ name: String, type: String, label: String, value: String, hint: String? = nil, error: String? = nil,
                      extra: [HTMLAttribute] = []) -> HTMLNode {
        let id = id(name)
        return .div(.class(error == nil ? "field" : "field has-error")) {
            HTMLNode.label(.for(id)) { label }
            if let hint { HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint } }
            if let error { HTMLNode.p(.id("\(id)-error"), .class("field-error")) { error } }
            HTMLNode.input([.type(type), .id(id), .name(name), .value(value)] + described(id, hint: hint, error: error) + extra)
        }
    }

    /// A select; `options` are (value, label) pairs.
    static func select(_ name: String, label: String, options: [(String, String)], selected: String?, error: String? = nil) -> HTMLNode {
        let id = id(name)
        return .div(.class(error == nil ? "field" : "field has-error")) {
            HTMLNode.label(.for(id)) { label }
            if let error { HTMLNode.p(.id("\(id)-error"), .class("field-error")) { error } }
            HTMLNode.select([.id(id), .name(name)] + described(id, hint: nil, error: error)) {
                for (value, text) in options {
                    HTMLNode.option(value == selected ? [.value(value), .selected] : [.value(value)]) { text }
                }
            }
        }
    }

    private static func described(_ id: String, hint: String?, error: String?) -> [HTMLAttribute] {
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return (ids.isEmpty ? [] : [.ariaDescribedBy(ids.joined(separator: " "))]) + (error == nil ? [] : [.ariaInvalid("true")])
    }
}
