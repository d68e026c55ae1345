import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// The feed's filters as an address carries them, under the names the API,
/// the page and the pages linking to it share
/// (`unit, from, to, target, channel, language, theme, sentiment, score,
/// read, flagged, q`). Empty values count as left out: a GET form sends
/// every field.
struct FeedbackFilters: Sendable, Equatable {
    static let names = ["unit", "from", "to", "target", "channel", "language", "theme", "sentiment", "score", "read", "flagged", "q"]

    /// Raw values by name, as given (bounded: longer values are refused by `resolve`).
    var values: [String: String] = [:]

    init(values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    init(query: (String) -> String?) {
        var values: [String: String] = [:]
        for name in Self.names {
            if let value = query(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty { values[name] = value }
        }
        self.values = values
    }

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// The filters as a query string, in the order of `names`.
    var query: [(String, String)] {
        Self.names.compactMap { name in values[name].map { (name, $0) } }
    }

    var isEmpty: Bool { values.isEmpty }

    /// The filters checked against the staff member's scope and organisation;
    /// the first bad value is refused with its field named.
    func resolve(scope: StaffScope, themeCodes: [String], timeZone: TimeZone, on database: any Database) async throws -> FeedbackFeed.Filter {
        var filter = FeedbackFeed.Filter(units: nil)
        filter.timeZone = timeZone
        if let code = values["unit"] {
            guard PlainIdentifier.isPlain(code, maxLength: 100), let unit = scope.unit(code: code), let id = unit.id, scope.canSee(unit: id) else {
                throw FieldError(field: "unit", message: "unit must be the code of one of your units.")
            }
            filter.units = scope.tree.subtree(of: id)
        } else if scope.units[scope.staff.unitID]?.parentID != nil {
            // Below the root the scope is a subtree; at the root, the whole organisation needs no unit list.
            filter.units = Array(scope.visible)
        }
        filter.from = try day("from")
        filter.to = try day("to")
        if let from = filter.from, let to = filter.to, from > to {
            throw FieldError(field: "from", message: "from must not be after to.")
        }
        if let code = values["target"] {
            guard PlainIdentifier.isPlain(code, maxLength: 100),
                  let target = try await Target.query(on: database)
                    .filter(\.$organisationID == scope.staff.organisationID).filter(\.$code == code).first() else {
                throw FieldError(field: "target", message: "target must be the code of one of your organisation's feedback targets.")
            }
            filter.targetID = target.id
        }
        filter.channel = try choice("channel", KaikuCore.Channel.allCases.map(\.rawValue))
        filter.language = try choice("language", Language.allCases.map(\.rawValue))
        filter.theme = try choice("theme", themeCodes)
        filter.sentiment = try choice("sentiment", Sentiment.allCases.map(\.rawValue))
        filter.score = try choice("score", FeedbackFeed.ScoreBand.allCases.map(\.rawValue)).flatMap(FeedbackFeed.ScoreBand.init(rawValue:))
        filter.read = try flag("read")
        filter.flagged = try flag("flagged")
        if let text = values["q"] {
            guard text.codePointCount <= FeedbackFeed.maxSearchLength else {
                throw FieldError(field: "q", message: "q can be at most \(FeedbackFeed.maxSearchLength) characters.")
            }
            guard !text.containsStrayControlCharacters else {
                throw FieldError(field: "q", message: "q must not contain control characters.")
            }
            filter.text = text
        }
        return filter
    }

    private func day(_ name: String) throws -> CalendarDay? {
        guard let raw = values[name] else { return nil }
        guard let day = CalendarDay(accepting: raw) else { throw FieldError(field: name, message: CalendarDay.acceptedDescription(of: name)) }
        return day
    }

    private func choice(_ name: String, _ allowed: [String]) throws -> String? {
        guard let raw = values[name] else { return nil }
        guard allowed.contains(raw) else {
            let list = allowed.count <= 12 ? ": " + allowed.joined(separator: ", ") : ""
            throw FieldError(field: name, message: "\(name) must be one of\(list.isEmpty ? " the organisation's codes" : list).")
        }
        return raw
    }

    private func flag(_ name: String) throws -> Bool? {
        guard let raw = values[name] else { return nil }
        guard let value = Bool(raw) else { throw FieldError(field: name, message: "\(name) must be true or false.") }
        return value
    }
}
