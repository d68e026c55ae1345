import Foundation
import NIOCore
import XCTVapor
@testable import KaikuWeb

extension StaffBrowser {
    /// Posts a form with a file as a browser does (`multipart/form-data`),
    /// with the last page's CSRF token.
    @discardableResult
    func postMultipart(_ path: String, fields: [String: String] = [:],
                       file: (field: String, filename: String, type: String, bytes: [UInt8])) async throws -> XCTHTTPResponse {
        let boundary = "kaiku-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.merging(["csrf": csrf ?? ""], uniquingKeysWith: { $1 }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
        body.append(Data(file.bytes))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers: HTTPHeaders = ["Host": host, "Accept": "text/html", "Content-Type": "multipart/form-data; boundary=\(boundary)"]
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        return try await app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }
}
