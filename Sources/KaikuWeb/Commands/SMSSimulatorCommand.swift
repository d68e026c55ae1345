import ConsoleKit
import Foundation
import KaikuSMSSimulator
import Vapor

/// `kaiku sms-simulator`: a local SMS gateway that shows what Kaiku sends at
/// http://127.0.0.1:PORT/. It needs no database and reads no settings.
struct SMSSimulatorCommand: KaikuCommand {
    struct Signature: CommandSignature {
        @Option(name: "port", short: "p", help: "The port on 127.0.0.1 (9099).")
        var port: Int?
        @Option(name: "token", help: "Require Authorization: Bearer TOKEN when messages are posted, as a real gateway would.")
        var token: String?
        @Option(name: "callback", help: "Post delivery reports here, e.g. http://127.0.0.1:8080/api/v1/sms/delivery-reports.")
        var callback: String?
        @Option(name: "callback-token", help: "The bearer token sent with delivery reports and replies (the server's KAIKU_SMS_WEBHOOK_TOKEN).")
        var callbackToken: String?
        @Option(name: "inbound", help: "Forward replies given with POST /messages/{id}/reply here, e.g. http://127.0.0.1:8080/api/v1/sms/inbound.")
        var inbound: String?

        init() {}
    }

    var help: String { "Run a local SMS gateway that shows what Kaiku sends; point KAIKU_SMS_URL at it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let port = try signature.$port.given() ?? 9099
        let token = try signature.$token.given()
        let inbound = try signature.$inbound.given().map { URI(string: $0) }
        let callbackToken = try signature.$callbackToken.given()
        let callback = try signature.$callback.given().map {
            SMSGatewaySimulator.Callback(url: URI(string: $0), token: callbackToken, inbound: inbound)
        }
        try SMSGatewaySimulator.configure(context.application, token: token, callback: callback)
        print("SMS gateway simulator on http://127.0.0.1:\(port)/ — set KAIKU_SMS_URL=http://127.0.0.1:\(port)/messages" + (token.map { " and KAIKU_SMS_AUTH=bearer:\($0)" } ?? ""))
        try await KaikuServeCommand.serve(context, hostname: "127.0.0.1", port: port)
    }
}
