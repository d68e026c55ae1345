import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Turns every error into a response a person can act on: JSON
/// `{"error", "field"}` for the API and a plain page elsewhere. Internal
/// details never reach the client outside development.
///
/// A future-based `Middleware`, not an `AsyncMiddleware`: every request
/// passes here, and an async middleware starts a task and hops between the
/// event loop and the task pool on each of them.
struct KaikuErrorMiddleware: Middleware {
    let environment: Environment

    struct Body: Content {
        var error: String
        var field: String?
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            guard StoreAvailability.isUnavailable(error) else {
                return request.eventLoop.makeSucceededFuture(makeResponse(for: error, request: request))
            }
            let promise = request.eventLoop.makePromise(of: Response.self)
            promise.completeWithTask {
                await request.kaiku.storeHealth.failed(at: request.kaiku.clock.now)
                return makeResponse(for: error, request: request)
            }
            return promise.futureResult
        }
    }

    func makeResponse(for error: any Error, request: Request) -> Response {
        let (status, headers, body) = describe(error, request: request)
        let response = Response(status: status, headers: headers)
        let wantsHTML = !request.url.path.hasPrefix("/api/") && !request.url.path.hasPrefix("/open311/")
            && (request.headers.accept.first?.mediaType == .html)
        if wantsHTML {
            let page = ErrorPage(context: request.pageContext, model: ErrorModel(status: status))
            response.headers.contentType = .html
            response.body = .init(string: page.render())
        } else {
            try? response.content.encode(body, as: .json)
        }
        return response
    }

    /// The status and the words for an error, whatever format carries them
    /// (JSON here, GeoReport's own error list in Open311); logs what is ours.
    func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, HTTPHeaders, Body) {
        let status: HTTPResponseStatus
        let body: Body
        var headers = HTTPHeaders()
        switch error {
        case let error as SubmissionError:
            status = .badRequest
            body = Body(error: request.kaiku.catalogue.message(for: error, in: .en, forPeople: false), field: error.field)
        case let error as FieldError:
            status = error.status
            body = Body(error: error.message, field: error.field)
        case let abort as any AbortError:
            status = abort.status
            headers = abort.headers
            body = Body(error: abort.status == .payloadTooLarge
                ? "The request body is larger than 64 KiB."
                : abort.reason)
        case is DecodingError:
            status = .badRequest
            body = Body(error: "The request body is not valid JSON of the documented shape.")
        default:
            if StoreAvailability.isUnavailable(error) {
                status = .serviceUnavailable
                body = Body(error: "The database is not answering; try again shortly.")
            } else {
                status = .internalServerError
                body = Body(error: environment.isRelease ? "Something went wrong on our side." : String(reflecting: error))
            }
        }
        if status == .internalServerError || status == .serviceUnavailable {
            request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))")
        }
        return (status, headers, body)
    }
}
