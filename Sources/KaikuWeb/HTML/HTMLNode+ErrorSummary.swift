extension HTMLNode {
    /// The box above a refused form: announced at once (`role=alert`), with
    /// a link that moves focus to the field to correct.
    static func errorSummary(title: String, fieldID: String, message: String) -> HTMLNode {
        .el("div", .id("error-summary"), .class("error-summary"), .attr("role", "alert"), .attr("aria-labelledby", "error-summary-title"),
            .attr("tabindex", "-1")) {
            HTMLNode.el("h2", .id("error-summary-title")) { title }
            HTMLNode.el("ul") { HTMLNode.el("li") { HTMLNode.el("a", .href("#" + fieldID)) { message } } }
        }
    }
}
