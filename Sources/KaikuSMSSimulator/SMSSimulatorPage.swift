import Foundation
import KaikuCore

/// The simulator's one page: the messages received, newest first because a
/// developer looks for the text just sent, with buttons to play the
/// operator's delivery report. Every value Kaiku or a test posted goes
/// through `HTMLText.escape` — message texts are customer-facing strings and may
/// hold anything. Written out by hand rather than with KaikuWeb's HTML
/// builder, so that this tool needs nothing of the web application.
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
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        // New messages show up while the page is left open beside the app.
        html += "<meta http-equiv=\"refresh\" content=\"5\"><title>SMS simulator</title><style>\(Self.style)</style></head>"
        html += "<body><h1>SMS simulator</h1><p>"
        html += "\(messages.count) message\(messages.count == 1 ? "" : "s") in memory. "
        html += requiresAuthentication ? "Posting needs the configured token." : "Posting needs no credentials."
        html += "</p>"
        html += messages.isEmpty ? "<p>Nothing received yet.</p>" : table
        return html + "</body></html>"
    }

    private var table: String {
        let headings = ["Id", "To", "From", "Text", "Reference", "Received", "Status", ""]
        return "<table><thead><tr>" + headings.map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead><tbody>" + messages.reversed().map(row).joined() + "</tbody></table>"
    }

    private func row(_ message: SMSSimulatorStore.Message) -> String {
        let cells = [message.id, message.to, message.from ?? ""].map { "<td>\(HTMLText.escape($0))</td>" }.joined()
            + "<td class=\"text\">\(HTMLText.escape(message.text))</td>"
            + "<td>\(HTMLText.escape(message.reference ?? ""))</td>"
            + "<td>\(message.receivedAt.formatted(.iso8601))</td>"
            + "<td class=\"\(message.status.rawValue)\">\(message.status.rawValue)</td>"
        let buttons = message.status == .accepted
            ? button(message, action: "deliver", label: "Delivered") + button(message, action: "fail", label: "Failed") : ""
        return "<tr id=\"\(HTMLText.escape(message.id))\">\(cells)<td>\(buttons)</td></tr>"
    }

    private func button(_ message: SMSSimulatorStore.Message, action: String, label: String) -> String {
        // Relative, so the page also works when the simulator is mounted under a prefix.
        let target = "messages/\(message.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? message.id)/\(action)"
        return "<form method=\"post\" action=\"\(HTMLText.escape(target))\"><button type=\"submit\">\(label)</button></form>"
    }
}
