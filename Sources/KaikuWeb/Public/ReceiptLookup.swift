import Fluent
import KaikuCore
import KaikuStore

/// Finds an answer by the receipt code a customer holds, however they typed it.
enum ReceiptLookup {
    static func response(_ receipt: String?, on database: any Database) async throws -> (FeedbackResponse, Organisation?)? {
        guard let receipt = receipt.flatMap(ReceiptCode.normalise),
              let response = try await FeedbackResponse.query(on: database).filter(\.$receipt == receipt).first() else {
            return nil
        }
        return (response, try await Organisation.find(response.organisationID, on: database))
    }
}
