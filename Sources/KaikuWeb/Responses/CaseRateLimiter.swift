import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// How many answers that open a case (an answer wanted, with an e-mail
/// address or phone number) one client address may send a minute
/// (`KAIKU_CASE_RATE_LIMIT`): each such answer puts work in a handler's
/// inbox, so a script must not fill it. Answers without a case are not
/// limited, and neither are kiosks, which identify with their device token.
///
/// Counted in this instance's memory: behind a load balancer each instance
/// allows the limit, which still bounds a flood to a few times the limit.
actor CaseRateLimiter {
    static let window: TimeInterval = 60
    private var sent: [String: [Date]] = [:]
    private let maxAddresses = 100_000

    /// Takes a place for an answer from `address`, or says in how many seconds one frees up.
    func reserve(address: String, limit: Int, now: Date) -> Int? {
        let recent = (sent[address] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        if recent.count >= limit, let oldest = recent.first {
            sent[address] = recent
            return max(1, Int((Self.window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
        if sent.count >= maxAddresses {
            sent = sent.filter { ($0.value.last.map { now.timeIntervalSince($0) } ?? .infinity) < Self.window }
        }
        sent[address] = recent + [now]
        return nil
    }

    /// Gives the place back: the answer was refused, or was a retry of one already counted.
    func release(address: String, at time: Date) {
        guard var times = sent[address], let index = times.lastIndex(of: time) else { return }
        times.remove(at: index)
        sent[address] = times.isEmpty ? nil : times
    }
}

extension CaseRateLimiter {
    /// Runs `submit` if the answer may open a case now, and throws 429 with
    /// `Retry-After` if this address has opened too many this minute. The
    /// shared entrance for the JSON API, the public form and Open311.
    static func limit(_ input: SubmissionInput, on request: Request,
                      _ submit: () async throws -> StoredReceipt) async throws -> StoredReceipt {
        let contact = input.contact
        let opensCase = input.wantsAnswer == true
            && [contact?.email, contact?.phone].contains { !($0?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) }
        guard opensCase else { return try await submit() }
        let address = request.clientAddress
        let now = request.kaiku.clock.now
        let limiter = request.kaiku.caseRateLimiter
        if let wait = await limiter.reserve(address: address, limit: request.kaiku.settings.caseRateLimit, now: now) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)],
                        reason: "Too many answers asking for a reply have come from your address in the last minute; this one was not stored. "
                            + "Send it again in \(wait) seconds, or call the unit if the matter is urgent.")
        }
        do {
            let stored = try await submit()
            if stored.replayed { await limiter.release(address: address, at: now) }
            return stored
        } catch {
            await limiter.release(address: address, at: now)
            throw error
        }
    }
}
