import Vapor

/// A rendered page as the answer to a request.
extension Vapor.Response {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Vapor.Response {
        Vapor.Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
    }
}
