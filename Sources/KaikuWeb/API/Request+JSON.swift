import Foundation
import KaikuCore
import Vapor

extension Request {
    /// Decodes the JSON body, naming the offending field when it does not fit.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeJSON(type, scanning: nil)
    }

    /// As `decodeJSON(_:)`, first trying `scan`, a reader for the plain bodies
    /// of a hot path that gives nil for whatever it leaves to `JSONDecoder`.
    func decodeJSON<T: Decodable>(_ type: T.Type, scanning scan: ((UnsafeRawBufferPointer) -> T?)?) throws -> T {
        if let type = headers.contentType, !(type.type == "application" && (type.subType == "json" || type.subType.hasSuffix("+json"))) {
            throw FieldError(status: .unsupportedMediaType, message: "Send the body as JSON with Content-Type: application/json, not \(type.type)/\(type.subType).")
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw FieldError(message: "The request needs a JSON body.")
        }
        if buffer.withUnsafeReadableBytes({ JSONEscapes.containsNUL($0) }) {
            let field = (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [.fragmentsAllowed]))
                .flatMap { Self.pathToNUL(in: $0, at: []) }
            let name = field.map { $0.isEmpty ? "The request" : $0 } ?? "The request"
            throw FieldError(field: field.flatMap { $0.isEmpty ? nil : $0 },
                             message: "\(name) contains a NUL character (\\u0000), which cannot be stored. Remove it and send again.")
        }
        if let scan, let value = buffer.withUnsafeReadableBytes(scan) {
            return value
        }
        let decoder = JSONDecoder()
        do {
            return try decoder.decode(T.self, from: buffer)
        } catch let DecodingError.keyNotFound(key, context) {
            throw FieldError(field: Self.path(context.codingPath + [key]), message: "\(Self.path(context.codingPath + [key])) is required.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw FieldError(field: Self.path(context.codingPath), message: "\(Self.path(context.codingPath)) has the wrong type.")
        } catch let DecodingError.valueNotFound(_, context) {
            throw FieldError(field: Self.path(context.codingPath), message: "\(Self.path(context.codingPath)) must not be null.")
        } catch {
            throw FieldError(message: "The request body is not valid JSON.")
        }
    }

    /// The dotted path of the first string or key holding NUL, so the refusal
    /// names the field as every other refusal does.
    private static func pathToNUL(in value: Any, at path: [String]) -> String? {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\u{0}") ? path.joined(separator: ".") : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if key.unicodeScalars.contains("\u{0}") { return path.joined(separator: ".") }
                if let found = pathToNUL(in: object[key]!, at: path + [key]) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = pathToNUL(in: item, at: path + [String(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
