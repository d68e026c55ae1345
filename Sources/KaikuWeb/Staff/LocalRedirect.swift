/// Where the sign-in may send the browser afterwards: only a plain path on
/// this site. The value comes from the address bar, so anything that could
/// leave the site (`//host`, `/\host`, a scheme) or break out of the
/// `Location` header (CR, LF or any other control character) falls back.
enum LocalRedirect {
    static let fallback = SiteURL.staff(.inbox).path

    static func path(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.hasPrefix("/\\"), value.utf8.count < 500,
              // Printable ASCII without spaces: a browser's own path is percent-encoded, and this rules out
              // CR/LF, other control characters and backslashes that some browsers read as slashes.
              value.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }),
              !value.prefix(while: { $0 != "?" && $0 != "#" }).contains(":") else { return fallback }
        return value
    }
}
