import Vapor

/// An error that names the request field it concerns.
struct FieldError: Error {
    var status: HTTPResponseStatus = .badRequest
    var field: String?
    var message: String
}
