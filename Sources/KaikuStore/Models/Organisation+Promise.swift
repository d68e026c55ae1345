import Foundation
import KaikuCore

extension Organisation {
    /// How `promiseDays` is counted; calendar days when the stored word is unknown.
    public var promiseCounting: PromiseCounting { PromiseCounting(rawValue: promiseIn) ?? .default }

    /// The promise a case opened now is given.
    public var answerPromise: AnswerPromise { AnswerPromise(days: promiseDays, timeZone: timeZone, counting: promiseCounting) }
}
