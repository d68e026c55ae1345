/// A raw answer as it arrives, before it is checked against the survey.
public enum AnswerValue: Sendable, Hashable, Codable {
    case integer(Int)
    case number(Double)
    case string(String)
    case bool(Bool)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .integer(int)
        } else if let double = try? container.decode(Double.self) {
            self = .number(double)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// A whole number, also from form fields, where every value is a string.
    var wholeNumber: Int? {
        switch self {
        case .integer(let value): return value
        case .number(let value): return value.rounded() == value && abs(value) < 1e9 ? Int(value) : nil
        case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        case .bool, .null: return nil
        }
    }

    var isEmpty: Bool {
        switch self {
        case .null: return true
        case .string(let text): return text.trimmingCharacters(in: .whitespaces).isEmpty
        default: return false
        }
    }
}

import Foundation
