import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to the provider over AsyncHTTPClient, with a short timeout and a
/// bounded body, since a slow or hostile provider must not hold a request.
public struct LiveOIDCProviderClient: OIDCProviderClient {
    var client: HTTPClient
    var timeout: TimeAmount = .seconds(10)
    static let maximumBody = 512 * 1024

    public init(client: HTTPClient) {
        self.client = client
    }

    public func discovery(at url: String) async throws -> OIDCDiscovery {
        let body = try await send(HTTPClientRequest(url: url))
        do {
            return try JSONDecoder().decode(OIDCDiscovery.self, from: body)
        } catch {
            throw OIDCProviderError("The provider's discovery document could not be read: \(error)")
        }
    }

    public func keySet(at url: String) async throws -> String {
        String(decoding: try await send(HTTPClientRequest(url: url)), as: UTF8.self)
    }

    public func exchange(_ exchange: OIDCCodeExchange, at tokenEndpoint: String, clientID: String, clientSecret: String,
                         basicAuthentication: Bool) async throws -> OIDCTokenResponse {
        var fields = [("grant_type", "authorization_code"), ("code", exchange.code),
                      ("redirect_uri", exchange.redirectURI), ("code_verifier", exchange.codeVerifier)]
        var request = HTTPClientRequest(url: tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        if basicAuthentication {
            // RFC 6749 2.3.1: each part is form-encoded before the pair is base64-encoded.
            let pair = "\(Self.formEncode(clientID)):\(Self.formEncode(clientSecret))"
            request.headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        } else {
            fields += [("client_id", clientID), ("client_secret", clientSecret)]
        }
        request.body = .bytes(ByteBuffer(string: fields.map { "\($0)=\(Self.formEncode($1))" }.joined(separator: "&")))
        let body = try await send(request)
        do {
            return try JSONDecoder().decode(OIDCTokenResponse.self, from: body)
        } catch {
            throw OIDCProviderError("The provider's token answer could not be read: \(error)")
        }
    }

    private func send(_ request: HTTPClientRequest) async throws -> Data {
        let response = try await client.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: Self.maximumBody)
        guard response.status == .ok else {
            throw OIDCProviderError("\(request.url) answered \(response.status.code): \(String(buffer: body).prefix(300))")
        }
        return Data(buffer: body)
    }

    static func formEncode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
