#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reverse proxies whose `X-Forwarded-For` Kaiku believes
/// (`KAIKU_TRUSTED_PROXIES`): addresses and CIDR ranges, IPv4 and IPv6.
/// Without them the header is ignored, because any client can send it.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        var network: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var left = prefix
            for (a, b) in zip(address, network) where left > 0 {
                let bits = min(8, left)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if a & mask != b & mask { return false }
                left -= bits
            }
            return true
        }
    }

    public struct InvalidEntry: Error, CustomStringConvertible {
        public var entry: String
        public var description: String {
            "KAIKU_TRUSTED_PROXIES: \(entry) is not an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8."
        }
    }

    var ranges: [Range] = []

    public init() {}

    /// Parses a comma-separated list; a wrong entry is an error rather than
    /// skipped, so that a typo cannot quietly make the header trusted or not.
    public init(_ list: String) throws {
        for raw in list.split(separator: ",") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let bytes = Self.bytes(of: String(parts[0])) else { throw InvalidEntry(entry: entry) }
            var prefix = bytes.count * 8
            if parts.count == 2 {
                guard let given = Int(parts[1]), (0...prefix).contains(given), parts[1].allSatisfy(\.isASCII) else { throw InvalidEntry(entry: entry) }
                prefix = given
            }
            ranges.append(Range(network: bytes, prefix: prefix))
        }
    }

    public var isEmpty: Bool { ranges.isEmpty }

    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The address as 4 or 16 bytes; an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`,
    /// as a dual-stack socket reports IPv4 peers) as its IPv4 address, so one range covers both.
    static func bytes(of text: String) -> [UInt8]? {
        var address = text.trimmingCharacters(in: .whitespaces)
        if address.hasPrefix("[") && address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        // A zone (fe80::1%eth0) names an interface, not part of the address.
        if let percent = address.firstIndex(of: "%") { address = String(address[..<percent]) }
        guard !address.isEmpty, address.count <= 45 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes.suffix(4)) }
        return bytes
    }
}
