import FluentPostgresDriver
import Foundation
import NIOCore
import SQLiteNIO

/// Tells a database that is down or unreachable apart from a bug, so that the
/// client gets 503 and can retry.
public enum StoreAvailability {
    public static func isUnavailable(_ error: any Error) -> Bool {
        if error is PSQLError {
            let text = String(reflecting: error)
            return text.contains("connection") || text.contains("Connection") || text.contains("closed")
        }
        if let sqlite = error as? SQLiteError {
            return [.busy, .busyInSnapshot, .busyTimeout, .busyInRecovery, .locked, .ioError, .full, .cantOpen].contains(sqlite.reason)
        }
        return error is ChannelError || error is IOError
    }
}
