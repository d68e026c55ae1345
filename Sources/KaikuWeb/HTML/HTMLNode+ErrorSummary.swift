extension HTMLNode {
    /// The box above a refused form: announced at once (`role=alert`), with
    /// a link that moves focus to the field to correct.
    static func errorSummary(title: String, fieldID: String, message: String) -> HTMLNode {
        .div(.id("error-summary"), .class("error-summary"), .role("alert"), .ariaLabelledBy("error-summary-title"),
            .tabindex(-1)) {
            HTMLNode.h2(.id("error-summary-title")) { title }
            HTMLNode.ul { HTMLNode.li { HTMLNode.a(.href("#" + fieldID)) { message } } }
        }
    }
}
