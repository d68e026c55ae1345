/// Attributes by name, so views do not spell them as strings. `attr(_:_:)`
/// stays for the SVG geometry of the charts.
extension HTMLAttribute {
    public enum FormMethod: String, Sendable { case get, post }

    public static func href(_ url: SiteURL) -> HTMLAttribute { .href(url.path) }
    public static func action(_ url: SiteURL) -> HTMLAttribute { .attr("action", url.path) }
    public static func action(_ value: String) -> HTMLAttribute { .attr("action", value) }
    public static func method(_ method: FormMethod) -> HTMLAttribute { .attr("method", method.rawValue) }
    public static func src(_ value: String) -> HTMLAttribute { .attr("src", value) }
    public static func alt(_ value: String) -> HTMLAttribute { .attr("alt", value) }
    public static func rel(_ value: String) -> HTMLAttribute { .attr("rel", value) }
    public static func hreflang(_ value: String) -> HTMLAttribute { .attr("hreflang", value) }
    public static func target(_ value: String) -> HTMLAttribute { .attr("target", value) }
    public static func charset(_ value: String) -> HTMLAttribute { .attr("charset", value) }
    public static func content(_ value: String) -> HTMLAttribute { .attr("content", value) }
    public static func httpEquiv(_ value: String) -> HTMLAttribute { .attr("http-equiv", value) }
    public static func role(_ value: String) -> HTMLAttribute { .attr("role", value) }
    public static func scope(_ value: String) -> HTMLAttribute { .attr("scope", value) }
    public static func colspan(_ value: Int) -> HTMLAttribute { .attr("colspan", String(value)) }
    public static func tabindex(_ value: Int) -> HTMLAttribute { .attr("tabindex", String(value)) }
    public static func rows(_ value: Int) -> HTMLAttribute { .attr("rows", String(value)) }
    public static func size(_ value: Int) -> HTMLAttribute { .attr("size", String(value)) }
    public static func maxlength(_ value: Int) -> HTMLAttribute { .attr("maxlength", String(value)) }
    public static func min(_ value: String) -> HTMLAttribute { .attr("min", value) }
    public static func max(_ value: String) -> HTMLAttribute { .attr("max", value) }
    public static func width(_ value: String) -> HTMLAttribute { .attr("width", value) }
    public static func height(_ value: String) -> HTMLAttribute { .attr("height", value) }
    public static func pattern(_ value: String) -> HTMLAttribute { .attr("pattern", value) }
    public static func inputmode(_ value: String) -> HTMLAttribute { .attr("inputmode", value) }
    public static func autocomplete(_ value: String) -> HTMLAttribute { .attr("autocomplete", value) }
    public static func placeholder(_ value: String) -> HTMLAttribute { .attr("placeholder", value) }
    public static func title(_ value: String) -> HTMLAttribute { .attr("title", value) }
    public static func data(_ name: String, _ value: String) -> HTMLAttribute { .attr("data-\(name)", value) }

    public static func ariaLabel(_ value: String) -> HTMLAttribute { .attr("aria-label", value) }
    public static func ariaLabelledBy(_ id: String) -> HTMLAttribute { .attr("aria-labelledby", id) }
    public static func ariaDescribedBy(_ id: String) -> HTMLAttribute { .attr("aria-describedby", id) }
    public static func ariaHidden(_ value: String) -> HTMLAttribute { .attr("aria-hidden", value) }
    public static func ariaCurrent(_ value: String) -> HTMLAttribute { .attr("aria-current", value) }
    public static func ariaInvalid(_ value: String) -> HTMLAttribute { .attr("aria-invalid", value) }
    public static func ariaSort(_ value: String) -> HTMLAttribute { .attr("aria-sort", value) }
    public static func ariaLive(_ value: String) -> HTMLAttribute { .attr("aria-live", value) }

    public static let required = flag("required")
    public static let checked = flag("checked")
    public static let selected = flag("selected")
    public static let disabled = flag("disabled")
    public static let autofocus = flag("autofocus")
    public static let novalidate = flag("novalidate")
    public static let hidden = flag("hidden")
}
