#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Free space on the file system that holds a file, for the readiness check
/// of the embedded SQLite database.
public enum DiskSpace {
    /// Bytes an unprivileged writer may still use next to `path`, or nil when
    /// the file system cannot be asked.
    public static func available(besides path: String) -> Int64? {
        let directory = (path as NSString).deletingLastPathComponent
        var stats = statvfs()
        guard statvfs(directory.isEmpty ? "." : directory, &stats) == 0 else { return nil }
        let (bytes, overflow) = Int64(clamping: stats.f_bavail).multipliedReportingOverflow(by: Int64(clamping: stats.f_frsize))
        return overflow ? Int64.max : bytes
    }
}
