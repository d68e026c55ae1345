import Foundation

extension HTMLNode {
    /// The box a data table wider than a phone scrolls in, so that the page
    /// itself never scrolls sideways (WCAG 1.4.10 allows this for data
    /// tables): the keyboard reaches it to scroll, and it is named by `id`.
    static func scrollBox(labelledBy id: String, @HTMLBuilder content: Content) -> HTMLNode {
        .div(.class("table-wrap"), .role("region"), .ariaLabelledBy(id), .tabindex(0), content: content)
    }
}
