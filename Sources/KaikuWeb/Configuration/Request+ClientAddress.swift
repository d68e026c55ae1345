import Vapor

extension Request {
    /// The address of the client this request is from, for throttles and
    /// rate limits. `X-Forwarded-For` counts only when the direct peer is one
    /// of `KAIKU_TRUSTED_PROXIES`; then the right-most address in it that is
    /// not itself a trusted proxy is the client, since everything left of it
    /// was written by the client and could be anything. Otherwise the peer.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        return Self.clientAddress(peer: peer, forwardedFor: headers[.xForwardedFor], trusted: application.kaiku.settings.trustedProxies)
    }

    static func clientAddress(peer: String, forwardedFor: [String], trusted: TrustedProxies) -> String {
        guard !trusted.isEmpty, trusted.contains(peer) else { return peer }
        // Several headers count as one list, in order.
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var nearest = peer
        for hop in hops.reversed().prefix(20) {
            guard TrustedProxies.bytes(of: hop) != nil else {
                // Not an address (e.g. "unknown"): nothing left of it can be told apart, so the
                // proxy that wrote it stands for the client.
                return nearest
            }
            guard trusted.contains(hop) else { return hop }
            nearest = hop
        }
        return nearest
    }
}
