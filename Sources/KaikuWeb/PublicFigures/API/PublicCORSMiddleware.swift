import Vapor

/// Lets any web site read the public figures from a browser. Errors are
/// turned into responses here, inside the group, so that a 404 carries the
/// header too and a county's script can tell "no such unit" from a network failure.
struct PublicCORSMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = KaikuErrorMiddleware(environment: request.application.environment).makeResponse(for: error, request: request)
        }
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return response
    }
}
