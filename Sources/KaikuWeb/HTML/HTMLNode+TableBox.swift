/// The box around a data table. On a narrow screen a wide table scrolls inside
/// it — WCAG 2.1 1.4.10 allows that for data tables, never for the page — so the
/// box takes keyboard focus and has a name: without them a keyboard user could
/// not scroll it and a screen reader would not say what it holds.
extension HTMLNode {
    public static func tableBox(labelledBy id: String, @HTMLBuilder content: Content) -> HTMLNode {
        .div([.class("table-wrap"), .role("region"), .ariaLabelledBy(id), .tabindex(0)], content: content)
    }

    public static func tableBox(label: String, @HTMLBuilder content: Content) -> HTMLNode {
        .div([.class("table-wrap"), .role("region"), .ariaLabel(label), .tabindex(0)], content: content)
    }
}
