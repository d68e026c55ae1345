import Foundation

/// When a published snapshot of the public figures may be replaced.
///
/// Public figures that followed every answer could be differenced: read them
/// before and after one answer and its scores fall out. So a snapshot is
/// checked at most once an hour, and replaced only when at least the
/// organisation's minimum n of new answers has come into its period since it
/// was taken; otherwise it stays as published. Both inputs come from the
/// shared database (the snapshot row and the rollups), never from one
/// instance's memory, so every instance serving the same database publishes
/// the same figures.
public enum PublicSnapshotRule {
    /// The least time between two checks, and so between two changes, of one snapshot.
    public static let interval: TimeInterval = 3_600

    /// Whether a snapshot last checked at `checkedAt` may be checked again now.
    public static func isDue(checkedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(checkedAt) >= interval
    }

    /// Whether the answers counted into the snapshot's period now (`countedNow`,
    /// over the snapshot's own first day onwards) are enough more than when it
    /// was taken (`countedThen`) to publish new figures. Answers removed since
    /// (a purge) make the difference smaller, never larger, so they cannot
    /// bring a change about on their own.
    public static func replaces(countedThen: Int, countedNow: Int, policy: SuppressionPolicy) -> Bool {
        countedNow - countedThen >= policy.minimumN
    }
}
