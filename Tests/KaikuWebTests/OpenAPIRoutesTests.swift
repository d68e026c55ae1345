import Foundation
import XCTest
import XCTVapor
@testable import KaikuWeb

/// The OpenAPI document describes the API that is served: every `/api/v1`
/// route is documented with its method, and every documented operation is
/// routed, so that clients generated from the document and the schema
/// checks driven by it see the whole API and nothing that is not there.
final class OpenAPIRoutesTests: XCTestCase {
    /// Routed under `/api/v1` but deliberately left out of the document, with why.
    private static let undocumented: [String: String] = [:]

    /// "METHOD /path/{parameter}", the document's spelling of a path.
    private static func operation(_ method: String, _ path: String) -> String {
        "\(method.uppercased()) \(path)"
    }

    private static func documentedPath(_ route: Route) -> String {
        "/" + route.path.map { component in
            switch component {
            case .parameter(let name): "{\(name)}"
            default: component.description
            }
        }.joined(separator: "/")
    }

    private func documented(_ app: Application) async throws -> Set<String> {
        let response = try await app.send(.GET, "/openapi.json")
        XCTAssertEqual(response.status, .ok)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { Self.operation($0, path) } })
    }

    func testEveryAPIRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        try await withApp { app in
            let routed = Set(app.routes.all.map { Self.operation($0.method.rawValue, Self.documentedPath($0)) })
            let documented = try await documented(app)
            let api = routed.filter { $0.split(separator: " ").last?.hasPrefix("/api/v1/") ?? false }
            XCTAssertGreaterThan(api.count, 40, "the API's routes should be found")

            XCTAssertEqual(api.subtracting(documented).subtracting(Self.undocumented.keys).sorted(), [],
                           "routed under /api/v1 but not in openapi.json")
            XCTAssertEqual(documented.subtracting(routed).sorted(), [], "in openapi.json but not routed")
            XCTAssertEqual(Set(Self.undocumented.keys).subtracting(api).sorted(), [], "excused routes that no longer exist")
        }
    }
}
