import KaikuCore
import Vapor

/// An error in GeoReport v2's own format, `[{"code", "description"}]` or
/// `<errors><error>…</error></errors>`, with the same HTTP status.
struct Open311Error: Error {
    var status: HTTPResponseStatus
    var description: String

    static func badRequest(_ description: String) -> Open311Error { Open311Error(status: .badRequest, description: description) }
    static func notFound(_ description: String) -> Open311Error { Open311Error(status: .notFound, description: description) }

    var document: Open311Document {
        var error = Open311Object()
        error["code"] = .integer(Int(status.code))
        error.add("description", description)
        return Open311Document(.list([error], root: "errors", item: "error"))
    }
}

extension Open311Document {
    func response(_ format: Open311Format, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = format == .json ? .json : HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        return Response(status: status, headers: headers, body: .init(string: render(format)))
    }
}
