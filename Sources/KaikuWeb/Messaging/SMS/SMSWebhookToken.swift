import Crypto
import Vapor

/// The shared secret both gateway webhooks (delivery reports and replies) send.
enum SMSWebhookToken {
    static func check(_ request: Request) throws {
        guard let expected = request.kaiku.settings.smsWebhookToken else {
            throw Abort(.notFound, reason: "SMS webhooks are not configured on this server (KAIKU_SMS_WEBHOOK_TOKEN).")
        }
        // Compare digests so the time taken says nothing about the secret.
        let sent = request.headers.bearerAuthorization?.token ?? ""
        guard SHA256.hash(data: Array(sent.utf8)) == SHA256.hash(data: Array(expected.utf8)) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Send the webhook token as Authorization: Bearer <token>.")
        }
    }
}
