import KaikuCore

/// The printable card as plain values: the target's name, its short address
/// and the QR code that holds it.
struct PrintCardModel: Sendable {
    var name: String
    var link: String
    var qr: QRCode

    init(_ card: ShortLinkCard) throws {
        name = card.name
        link = card.link
        qr = try card.qrCode()
    }
}
