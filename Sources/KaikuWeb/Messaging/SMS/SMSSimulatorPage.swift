import Foundation

/// The simulator's one page: the messages received, newest first because a
/// developer looks for the text just sent, with buttons to play the
/// operator's delivery report. Built from `HTMLNode`, so every value Kaiku
/// or a test posted is escaped — message texts are customer-facing strings
/// and may hold anything.
struct SMSSimulatorPage {
    var messages: [SMSSimulatorStore.Message]
    var requiresAuthentication: Bool

    private static let style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}
        table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}
        td{white-space:nowrap}td.text{white-space:pre-wrap;max-width:32rem}
        .accepted{color:#8a5a00}.delivered{color:#146c2e}.failed{color:#b3261e}
        form{display:inline}
        """

    func render() -> String {
        let document = HTMLNode.el("html", .lang("en")) {
            HTMLNode.el("head") {
                HTMLNode.el("meta", .attr("charset", "utf-8"))
                // New messages show up while the page is left open beside the app.
                HTMLNode.el("meta", .attr("http-equiv", "refresh"), .attr("content", "5"))
                HTMLNode.el("title") { "SMS simulator" }
                HTMLNode.el("style") { HTMLNode.trusted(Self.style) }
            }
            HTMLNode.el("body") {
                HTMLNode.el("h1") { "SMS simulator" }
                HTMLNode.el("p") {
                    "\(messages.count) message\(messages.count == 1 ? "" : "s") in memory. "
                    requiresAuthentication ? "Posting needs the configured token." : "Posting needs no credentials."
                }
                if messages.isEmpty {
                    HTMLNode.el("p") { "Nothing received yet." }
                } else {
                    table
                }
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    private var table: HTMLNode {
        HTMLNode.el("table") {
            HTMLNode.el("thead") {
                HTMLNode.el("tr") {
                    for heading in ["Id", "To", "From", "Text", "Reference", "Received", "Status", ""] {
                        HTMLNode.el("th", .attr("scope", "col")) { heading }
                    }
                }
            }
            HTMLNode.el("tbody") {
                for message in messages.reversed() {
                    row(message)
                }
            }
        }
    }

    private func row(_ message: SMSSimulatorStore.Message) -> HTMLNode {
        HTMLNode.el("tr", .id(message.id)) {
            HTMLNode.el("td") { message.id }
            HTMLNode.el("td") { message.to }
            HTMLNode.el("td") { message.from ?? "" }
            HTMLNode.el("td", .class("text")) { message.text }
            HTMLNode.el("td") { message.reference ?? "" }
            HTMLNode.el("td") { message.receivedAt.formatted(.iso8601) }
            HTMLNode.el("td", .class(message.status.rawValue)) { message.status.rawValue }
            HTMLNode.el("td") {
                if message.status == .accepted {
                    button(message, action: "deliver", label: "Delivered")
                    button(message, action: "fail", label: "Failed")
                }
            }
        }
    }

    private func button(_ message: SMSSimulatorStore.Message, action: String, label: String) -> HTMLNode {
        // Relative, so the page also works when the simulator is mounted under a prefix.
        let target = "messages/\(message.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? message.id)/\(action)"
        return HTMLNode.el("form", .attr("method", "post"), .attr("action", target)) {
            HTMLNode.el("button", .type("submit")) { label }
        }
    }
}
