import Foundation

/// When a request last failed because the database could not take it, so
/// that `/readyz` turns 503 while writes fail even if reads still work.
actor StoreHealth {
    private(set) var lastFailure: Date?

    func failed(at date: Date) {
        lastFailure = date
    }
}
