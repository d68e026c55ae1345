import Foundation
import KaikuCore

/// Inline styles and table pieces for HTML e-mail. Mail clients drop
/// `<style>` blocks and classes unevenly, so every element carries its own
/// style; bars are two coloured table cells, which every client draws.
enum MailStyle {
    static let font = "font-family:Arial,Helvetica,sans-serif;"
    static let small = "margin:0 0 8px 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:18px;color:#4a5865;"
    static let link = "color:#1f5fa8;text-decoration:underline;"
    static let barColour = "#1f5fa8"
    static let trackColour = "#e3e9ef"

    /// A table used for layout: screen readers should not announce it as data.
    static let layout: [HTMLAttribute] = [.role("presentation"), .attr("cellpadding", "0"), .attr("cellspacing", "0"), .attr("border", "0")]

    static func headerCell(align: String) -> [HTMLAttribute] {
        [.attr("align", align), .attr("scope", "col"),
         .attr("style", "padding:6px 4px;border-bottom:2px solid #d9dee3;" + font + "font-size:13px;line-height:17px;color:#4a5865;font-weight:bold;text-align:\(align);")]
    }

    static func cell(align: String, strong: Bool, size: Int = 15) -> [HTMLAttribute] {
        [.attr("align", align),
         .attr("style", "padding:6px 4px;border-bottom:1px solid #eef1f4;" + font + "font-size:\(size)px;line-height:\(size + 5)px;color:#14212b;text-align:\(align);"
               + (strong ? "font-weight:bold;" : ""))]
    }

    /// A horizontal bar filled to `fraction` (0…1) with its value beside it; nil draws no bar, only the label ("–").
    static func bar(fraction: Double?, label: String) -> HTMLNode {
        let percent = fraction.map { Int((min(max($0, 0), 1) * 100).rounded()) }
        return .table(layout + [.width("100%")]) {
            HTMLNode.tr {
                HTMLNode.td(.width("80%"), .attr("style", "padding:0;")) {
                    if let percent {
                        HTMLNode.table(layout + [.width("100%")]) {
                            HTMLNode.tr {
                                if percent > 0 {
                                    HTMLNode.td(.width("\(percent)%"), .attr("bgcolor", barColour),
                                                .attr("style", "background:\(barColour);height:12px;font-size:1px;line-height:1px;")) { HTMLNode.text("\u{00A0}") }
                                }
                                if percent < 100 {
                                    HTMLNode.td(.width("\(100 - percent)%"), .attr("bgcolor", trackColour),
                                                .attr("style", "background:\(trackColour);height:12px;font-size:1px;line-height:1px;")) { HTMLNode.text("\u{00A0}") }
                                }
                            }
                        }
                    }
                }
                HTMLNode.td(.attr("align", "right"), .attr("style", "padding:0 0 0 8px;white-space:nowrap;" + font + "font-size:14px;line-height:18px;color:#14212b;font-weight:bold;")) {
                    HTMLNode.text(label)
                }
            }
        }
    }

    /// A link that looks like a button: a padded cell, which Outlook honours where it ignores padding on links.
    static func button(_ text: String, href: String) -> HTMLNode {
        .table(layout) {
            HTMLNode.tr {
                HTMLNode.td(.attr("bgcolor", barColour), .attr("style", "background:\(barColour);border-radius:4px;padding:10px 14px;")) {
                    HTMLNode.a(.href(href), .attr("style", "color:#ffffff;text-decoration:none;font-weight:bold;" + font + "font-size:14px;line-height:18px;")) { HTMLNode.text(text) }
                }
            }
        }
    }

    /// A whole HTML e-mail: one white column at most 640 px wide on a grey
    /// background, the content above a footer in small print.
    static func document(language: Language, title: String, content: HTMLNode, footer: HTMLNode) -> String {
        let body: HTMLNode = .table(layout + [.width("100%"), .attr("style", "background:#f3f5f7;")]) {
            HTMLNode.tr {
                HTMLNode.td(.attr("align", "center"), .attr("style", "padding:16px 8px;")) {
                    HTMLNode.table(layout + [.width("640"), .attr("style", "width:100%;max-width:640px;background:#ffffff;border:1px solid #d9dee3;")]) {
                        HTMLNode.tr {
                            HTMLNode.td(.attr("style", "padding:20px 20px 8px 20px;" + font)) { content }
                        }
                        HTMLNode.tr {
                            HTMLNode.td(.attr("style", "padding:12px 20px 20px 20px;border-top:1px solid #d9dee3;" + font + small)) { footer }
                        }
                    }
                }
            }
        }
        return "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>" + HTMLText.escape(title) + "</title></head>"
            + "<body style=\"margin:0;padding:0;background:#f3f5f7;\">" + body.render() + "</body></html>\n"
    }
}
