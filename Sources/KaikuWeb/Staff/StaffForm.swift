import Foundation
import KaikuCore

/// Small pieces every staff form shares.
enum StaffForm {
    /// A labelled input named `name` with the id `f-name`, an optional hint
    /// it is described by, and marked invalid when the form's error is about it.
    static func input(_ name: String, type: String, label: String, value: String, hint: String? = nil, invalid: Bool = false,
                      extra: [HTMLAttribute] = []) -> HTMLNode {
        let id = "f-\(name)"
        var attributes: [HTMLAttribute] = [.type(type), .id(id), .name(name), .value(value)] + extra
        if hint != nil { attributes.append(.ariaDescribedBy("\(id)-hint")) }
        if invalid { attributes.append(.ariaInvalid("true")) }
        return .div(.class("field")) {
            HTMLNode.label(.for(id)) { label }
            if let hint { HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint } }
            HTMLNode.input(attributes)
        }
    }

    /// A labelled select; `options` are (value, label) pairs.
    static func select(_ name: String, label: String, options: [(String, String)], selected: String?, id: String? = nil) -> HTMLNode {
        let fieldID = id ?? "f-\(name)"
        return .div(.class("field")) {
            HTMLNode.label(.for(fieldID)) { label }
            HTMLNode.select(.id(fieldID), .name(name)) {
                for (value, text) in options {
                    HTMLNode.option(value == selected ? [.value(value), .selected] : [.value(value)]) { text }
                }
            }
        }
    }

    static func textarea(_ name: String, label: String, id: String, required: Bool = false, rows: Int = 4) -> HTMLNode {
        .div(.class("field")) {
            HTMLNode.label(.for(id)) { label }
            HTMLNode.textarea([.id(id), .name(name), .rows(rows), .maxlength(4000)] + (required ? [.required] : []))
        }
    }

    /// Masked personal data shows as words in the page's language, not as tokens.
    static func unmaskTokens(_ text: String, catalogue: Catalogue, language: Language) -> String {
        MaskedKind.allCases.reduce(text) { $0.replacingOccurrences(of: $1.token, with: catalogue.text("mask.\($1.rawValue)", language)) }
    }

    static func date(_ date: Date, in zone: TimeZone, withTime: Bool = true) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = "\(c.day!).\(c.month!).\(c.year!)"
        return withTime ? day + " " + String(format: "%02d:%02d", c.hour!, c.minute!) : day
    }
}
