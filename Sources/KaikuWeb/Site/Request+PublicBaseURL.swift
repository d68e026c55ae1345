import Vapor

extension Request {
    /// Scheme and host that links leaving the site (QR codes, embed snippets)
    /// point to: the configured public address, else the host this request was made to.
    var publicBaseURL: String {
        kaiku.settings.publicBaseURL ?? "http://\(headers.first(name: .host) ?? "127.0.0.1:8080")"
    }
}
