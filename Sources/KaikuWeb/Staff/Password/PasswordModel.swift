import KaikuCore
import KaikuStore

/// What the page of a password link shows: the form, or why there is none.
struct PasswordModel: Sendable, Equatable {
    enum State: Sendable, Equatable {
        /// The link works: a form to set the password of `email`.
        case form(email: String, purpose: PasswordToken.Purpose)
        /// Used, superseded, expired or unknown: ask for a new link.
        case spent
        /// Too many wrong links from this address: wait.
        case throttled(seconds: Int)
        /// Set: sign in.
        case done
    }

    /// Why the last attempt was refused: a broken rule, or the two entries differ.
    enum Refusal: Sendable, Equatable {
        case policy(PasswordPolicy.Problem)
        case mismatch
    }

    var state: State
    /// The link's token, which the form posts back to.
    var token: String = ""
    var refusal: Refusal?

    /// Checks the two entries: the policy's rules first, then that they match.
    static func refusal(password: String, again: String) -> Refusal? {
        if let problem = PasswordPolicy.check(password) { return .policy(problem) }
        return password == again ? nil : .mismatch
    }

    /// The field a refusal is about, to put the reader there.
    static func field(of refusal: Refusal) -> String {
        switch refusal {
        case .policy: "password"
        case .mismatch: "again"
        }
    }
}
