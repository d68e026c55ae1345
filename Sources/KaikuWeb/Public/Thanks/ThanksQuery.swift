import Fluent
import KaikuStore

/// Reads the answer a receipt belongs to and its organisation's promise.
enum ThanksQuery {
    static func load(receipt: String?, on database: any Database) async throws -> ThanksModel? {
        guard let (response, organisation) = try await ReceiptLookup.response(receipt, on: database), let organisation else { return nil }
        var model = ThanksModel(receipt: response.receipt, wantsAnswer: response.wantsAnswer, promiseDays: organisation.promiseDays,
                                promiseIn: organisation.promiseCounting)
        model.organisationID = organisation.id
        return model
    }
}
