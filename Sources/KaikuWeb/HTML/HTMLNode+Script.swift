/// `script`, which only the kiosk page uses: its code from a file of the
/// site, and its texts as JSON that the page's script reads.
extension HTMLNode {
    public static func script(_ a: HTMLAttribute..., @HTMLBuilder content: Content = { [] }) -> HTMLNode { .element("script", a, content()) }

    /// JSON for a `script type="application/json"`: a script's text is not
    /// HTML-escaped, so the one sequence that could end it early is written `<\/`.
    public static func scriptJSON(_ json: String) -> HTMLNode {
        .trusted(json.replacingOccurrences(of: "</", with: "<\\/"))
    }
}

extension HTMLAttribute {
    public static let `defer` = flag("defer")
}
