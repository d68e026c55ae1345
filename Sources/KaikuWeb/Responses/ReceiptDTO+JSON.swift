import Foundation

extension ReceiptDTO {
    /// The receipt as JSON, `{"id":"…","receipt":"…"}`, without building an
    /// encoder for every answer. Receipt codes are letters, digits and a
    /// hyphen; anything else goes through `JSONEncoder`, which escapes it.
    func json() throws -> String {
        if receipt.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "/") }) {
            return #"{"id":""# + id.uuidString + #"","receipt":""# + receipt + #""}"#
        }
        return String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }
}
