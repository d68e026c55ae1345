import Foundation

/// A before/after value of the audit log as JSON, so that the API gives it as
/// the object it was rather than as a string holding JSON.
indirect enum AuditJSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([AuditJSONValue])
    case object([String: AuditJSONValue])

    /// The stored text read back; text that is not JSON (it never should be) stays text.
    init(storedText: String) {
        self = (try? JSONDecoder().decode(AuditJSONValue.self, from: Data(storedText.utf8))) ?? .string(storedText)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([AuditJSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: AuditJSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
