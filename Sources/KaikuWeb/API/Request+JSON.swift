import Foundation
import Vapor

extension Request {
    /// Decodes the JSON body, naming the offending field when it does not fit.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw FieldError(message: "The request needs a JSON body.")
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

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
