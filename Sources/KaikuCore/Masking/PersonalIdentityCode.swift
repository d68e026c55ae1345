/// Validation of the Finnish personal identity code (henkilötunnus, HETU).
///
/// Format: `DDMMYYCZZZQ`
/// - `DDMMYY`: date of birth;
/// - `C`: century sign: `+` for the 1800s; `-` and the newer `Y X W V U` for the 1900s;
///   `A` and the newer `B C D E F` for the 2000s (the new signs have been issued since 2023);
/// - `ZZZ`: individual number, 002–899 for ordinary codes, 900–999 for temporary codes
///   (both accepted; 000 and 001 are never issued);
/// - `Q`: check character, the nine-digit number `DDMMYYZZZ` modulo 31 used as an index into
///   `0123456789ABCDEFHJKLMNPRSTUVWXY`.
///
/// The date must be a real calendar date in the century given by the sign (29 February only in
/// leap years of the Gregorian calendar, so `290200-` is invalid but `290200A` is valid).
/// The date is not compared with today's date, so validation is deterministic.
public struct PersonalIdentityCode: Sendable {

    /// Whether `s` is exactly one valid identity code in its canonical form: 11 characters,
    /// upper-case century sign and check character, no surrounding whitespace.
    ///
    /// `TextMasker` is more lenient when finding codes in free text (lower case, spaces around
    /// the separator, any dash, full-width characters, invisible characters inside); this
    /// function answers the strict question "is this a well-formed code?".
    public static func isValid(_ s: String) -> Bool {
        let chars = Array(s)
        guard chars.count == 11 else { return false }
        guard let date = digits(chars[0..<6]),
              let century = century(forSign: chars[6]),
              let individual = digits(chars[7..<10])
        else { return false }
        return isValid(dateDigits: date, centuries: [century], individualDigits: individual, check: chars[10])
    }

    // MARK: - Internal building blocks (shared with TextMasker)

    /// The 31 check characters, indexed by `DDMMYYZZZ % 31`.
    static let checkCharacters: [Character] = Array("0123456789ABCDEFHJKLMNPRSTUVWXY")

    /// All centuries a code can belong to, for codes whose century sign is missing.
    static let allCenturies: [Int] = [1800, 1900, 2000]

    /// The century (1800, 1900 or 2000) for an upper-case century sign, or nil.
    static func century(forSign sign: Character) -> Int? {
        switch sign {
        case "+": return 1800
        case "-", "Y", "X", "W", "V", "U": return 1900
        case "A", "B", "C", "D", "E", "F": return 2000
        default: return nil
        }
    }

    /// The expected check character for a six-digit date part and a three-digit individual number.
    static func checkCharacter(dateDigits: [Int], individualDigits: [Int]) -> Character {
        let number = (dateDigits + individualDigits).reduce(0) { $0 * 10 + $1 }
        return checkCharacters[number % 31]
    }

    /// Validates the parts of a code. The code is valid when the check character matches, the
    /// individual number is 002–999 and the date is a real date in at least one of `centuries`
    /// (one century when the sign is known; all three when a masker meets a code without a sign).
    /// `check` must already be upper case.
    static func isValid(dateDigits: [Int], centuries: [Int], individualDigits: [Int], check: Character) -> Bool {
        guard dateDigits.count == 6, individualDigits.count == 3 else { return false }
        let individual = individualDigits[0] * 100 + individualDigits[1] * 10 + individualDigits[2]
        guard (2...999).contains(individual) else { return false }
        let day = dateDigits[0] * 10 + dateDigits[1]
        let month = dateDigits[2] * 10 + dateDigits[3]
        let yy = dateDigits[4] * 10 + dateDigits[5]
        guard centuries.contains(where: { isRealDate(day: day, month: month, year: $0 + yy) }) else { return false }
        return checkCharacter(dateDigits: dateDigits, individualDigits: individualDigits) == check
    }

    /// Whether day/month/year is a date in the proleptic Gregorian calendar.
    static func isRealDate(day: Int, month: Int, year: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeapYear = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let daysInMonth: Int
        switch month {
        case 2: daysInMonth = isLeapYear ? 29 : 28
        case 4, 6, 9, 11: daysInMonth = 30
        default: daysInMonth = 31
        }
        return day <= daysInMonth
    }

    /// The values of a run of ASCII digits, or nil if any character is not one.
    static func digits(_ chars: ArraySlice<Character>) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(chars.count)
        for c in chars {
            guard let v = asciiDigitValue(c) else { return nil }
            result.append(v)
        }
        return result
    }

    /// The value of an ASCII digit `0`–`9`, or nil (also for other Unicode digits and keycap emoji).
    static func asciiDigitValue(_ c: Character) -> Int? {
        guard let a = c.asciiValue, a >= 48, a <= 57 else { return nil }
        return Int(a - 48)
    }
}
