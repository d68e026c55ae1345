/// Where an answer came from; recorded with every response so that figures
/// can be compared between channels.
public enum Channel: String, Sendable, Codable, CaseIterable, Hashable {
    case web, kiosk, sms, paper, oral, remote, open311
}
