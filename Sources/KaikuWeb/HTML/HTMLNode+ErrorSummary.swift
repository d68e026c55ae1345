extension HTMLNode {
    /// The box above a refused form: announced at once (`role=alert`), with
    /// a link that moves focus to the field to correct.
    static func errorSummary(title: String, fieldID: String, message: String) -> HTMLNode {
        errorSummary(title: title, problems: [(fieldID, message)])
    }

    /// Every problem of a form, each linking to its field. Focused when the page opens (autofocus,
    /// so without JavaScript too) and announced, so that nobody has to hunt for what went wrong.
    static func errorSummary(title: String, problems: [(fieldID: String, message: String)]) -> HTMLNode {
        .div(.id("error-summary"), .class("error-summary"), .role("alert"), .ariaLabelledBy("error-summary-title"),
            .tabindex(-1), .autofocus) {
            HTMLNode.h2(.id("error-summary-title")) { title }
            HTMLNode.ul {
                for problem in problems { HTMLNode.li { HTMLNode.a(.href("#" + problem.fieldID)) { problem.message } } }
            }
        }
    }
}
