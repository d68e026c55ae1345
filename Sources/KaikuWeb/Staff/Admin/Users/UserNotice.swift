/// What a user's page says after a step was taken (`?done=`): the result
/// of the POST it was redirected from.
enum UserNotice: String, CaseIterable, Sendable {
    case created, saved, deactivated, reactivated, unlocked, sessionsEnded, passwordReset, invitation
}
