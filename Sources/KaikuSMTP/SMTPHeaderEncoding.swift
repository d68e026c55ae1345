import Foundation

/// Writes header fields in the 7-bit ASCII that RFC 5322 demands, so that
/// Finnish and Swedish subjects and names (ä, ö, å) reach every mail client
/// intact: non-ASCII text becomes RFC 2047 encoded-words, long values are
/// folded onto continuation lines.
enum SMTPHeaderEncoding {
    /// UTF-8 bytes per encoded-word. 42 bytes make 56 base64 characters; with
    /// the 12 of `=?UTF-8?B??=` a word is 68 long, so even behind "Reply-To: "
    /// a line stays within the recommended 78 characters (RFC 2047 allows 75
    /// per word).
    static let bytesPerEncodedWord = 42
    static let foldWidth = 78

    /// "Name: value" for free text such as the subject.
    static func unstructured(_ name: String, _ value: String) -> String {
        fold(name, needsEncoding(value) ? encodedWords(value) : [value])
    }

    /// "Name: mailbox" for From, To and Reply-To.
    static func address(_ name: String, _ mailbox: SMTPAddress) -> String {
        fold(name, mailbox.headerTokens)
    }

    /// A display name as RFC 5322 `phrase`: left alone when it is plain
    /// words, quoted when it has punctuation that means something in an
    /// address header ("Kaiku, Oy" would otherwise read as two mailboxes),
    /// encoded when it is not ASCII.
    static func phrase(_ text: String) -> [String] {
        if needsEncoding(text) { return encodedWords(text) }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        if words.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAtext) }) {
            return [text]
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { quoted.append("\\") }
            quoted.unicodeScalars.append(scalar)
        }
        return [quoted + "\""]
    }

    /// Whether `text` cannot go into a header as it is. Text that merely looks
    /// like an encoded-word ("=?") is encoded too, or a reader would decode it;
    /// very long text is encoded so that it can be folded below the hard
    /// 998-character line limit.
    static func needsEncoding(_ text: String) -> Bool {
        text.contains("=?") || text.utf8.count > 900
            || text.unicodeScalars.contains { !$0.isASCII || ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
    }

    /// RFC 2047 "B" encoded-words for `text`. A word never ends inside a
    /// UTF-8 sequence (§5 forbids splitting a character across words, and
    /// decoders that decode word by word would garble it).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append(encodedWord(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// Joins tokens with spaces, starting a continuation line (CRLF + space)
    /// before a token that would pass `foldWidth`. Unfolding removes only the
    /// CRLF, so the value reads back unchanged; between encoded-words the
    /// whitespace is dropped on decoding altogether.
    static func fold(_ name: String, _ tokens: [String]) -> String {
        var header = name + ":"
        var lineLength = header.utf8.count
        var tokensOnLine = 0
        for token in tokens {
            if tokensOnLine > 0, lineLength + 1 + token.utf8.count > foldWidth {
                header += "\r\n "
                lineLength = 1
            } else {
                header += " "
                lineLength += 1
            }
            header += token
            lineLength += token.utf8.count
            tokensOnLine += 1
        }
        return header
    }

    /// RFC 5322 `atext`: characters allowed in an unquoted word.
    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
            return true
        }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
