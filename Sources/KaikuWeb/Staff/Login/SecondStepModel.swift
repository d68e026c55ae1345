/// What the sign-in's second step shows: the code form, the forced set-up of
/// a second factor, or the recovery codes once it is set up.
struct SecondStepModel: Sendable {
    enum Mode: Sendable {
        case code
        case enrol(SecondFactorEnrolment.Setup)
        case recoveryCodes([String])
    }

    var mode: Mode
    /// The double-submit token of this form (there is no session yet).
    var csrf: String
    var next: String
    /// Catalogue key of why the last try failed.
    var errorKey: String?
    var errorArguments: [String: String] = [:]
}
