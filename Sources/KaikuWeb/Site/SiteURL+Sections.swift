extension SiteURL {
    /// The first component of the address with slashes around it, e.g.
    /// `/widget/` for any widget: for middleware that treats a whole part of
    /// the site alike.
    var sectionPrefix: String {
        "/" + (pathComponents.first?.description ?? "") + "/"
    }

    /// The path with a query whose values are already percent-encoded, so
    /// that the address carries them exactly as given (e.g. a return address
    /// with its own `/`, `?` and `=` encoded). Joined as text: URLComponents
    /// would refuse a value that is not strictly encoded.
    func url(percentEncoded query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}
