import Foundation

/// Passwords that are among the first an attacker tries, so `PasswordPolicy` refuses them.
///
/// Two checks, both case-insensitive (the password is compared in lower case and Unicode NFC,
/// so `Kesä2024kesä` matches however the `ä` was typed):
/// - `passwords`: a list of common passwords of 12 or more characters, from keyboard walks
///   (`qwertyuiop12`, `1q2w3e4r5t6y`), number runs and the common English, Finnish and Swedish
///   ones (`password1234`, `salasana1234`, `lösenord1234`, `Kesä2024kesä`);
/// - `words`: common words, names and keyboard rows. A password is refused when its letters
///   are only one of them, or the same one twice, with digits and symbols around or between:
///   `Password1234!`, `Salasana2026`, `Kaiku2026kaiku`, `!!Summer2024`. Common substitutions
///   between and right next to the letters count as the letters they stand for (`P@ssw0rd2024`: `@` a, `0` o,
///   `1` and `!` i, `3` e, `4` a, `5` and `$` s, `7` t). A password with other letters as well
///   (`kaiku-demo-2026`, `correct horse battery staple`) is not refused by this.
///
/// The lists are Swift source so that they need no resource files. Entries are lower case, NFC.
enum CommonPasswords {

    /// Whether `password` is one of `passwords`.
    static func isCommon(_ password: String) -> Bool {
        passwords.contains(folded(password))
    }

    /// Whether the letters of `password` are only one of `words` (or one twice), the rest being
    /// digits and symbols.
    static func isCommonWordWithDigitsOrSymbols(_ password: String) -> Bool {
        let chars = Array(folded(password))
        guard var first = chars.firstIndex(where: \.isLetter),
              var last = chars.lastIndex(where: \.isLetter)
        else { return false }
        let letters = String(chars[first...last].filter(\.isLetter))
        // Substitutions read as letters: between the letters and right next to them ("$alasana").
        while first > 0, substitutions[chars[first - 1]] != nil { first -= 1 }
        while last < chars.count - 1, substitutions[chars[last + 1]] != nil { last += 1 }
        let decoded = String(chars[first...last].compactMap { substitutions[$0] ?? ($0.isLetter ? $0 : nil) })
        return isCommonWordOrTwice(letters) || isCommonWordOrTwice(decoded)
    }

    private static func isCommonWordOrTwice(_ letters: String) -> Bool {
        if words.contains(letters) { return true }
        let chars = Array(letters)
        guard chars.count % 2 == 0 else { return false }
        let half = chars.count / 2
        return chars[..<half] == chars[half...] && words.contains(String(chars[..<half]))
    }

    /// Lower case, NFC: how the lists are written.
    private static func folded(_ password: String) -> String {
        password.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Digits and symbols written for letters ("leetspeak").
    private static let substitutions: [Character: Character] = [
        "@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t",
    ]

    /// Common passwords of 12 or more characters.
    static let passwords: Set<String> = [
        "!qaz2wsx3edc", "!qaz@wsx#edc", "000000000000", "098765432109", "0987654321qwerty", "102030405060",
        "111111111111", "111222333444", "112233445566", "121212121212", "123123123123", "123321123321",
        "123412341234", "123451234512345", "123456123456", "123456654321", "123456789000", "123456789012",
        "1234567890123", "12345678901234", "123456789012345", "1234567890123456", "1234567890qwerty",
        "1234567891011", "123456789123", "1234567899876", "123456789abc", "123456789asd", "123456789qwe",
        "1234567qwerty", "123456qwerty", "1234qwerasdf", "1234qwerasdfzxcv", "123654789123", "135792468135",
        "147258369147", "159753159753", "1a2b3c4d5e6f", "1q2w3e4r1q2w3e4r", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u",
        "1q2w3e4r5t6y7u8i", "1q2w3e4r5t6y7u8i9o0p", "1qaz!qaz1qaz", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv",
        "1qaz@wsx#edc", "1qazxsw23edc", "210987654321", "246813579246", "741852963741", "987654321098",
        "9876543210987", "987654321abc", "a1b2c3d4e5f6", "aaa111bbb222", "abc123456789", "abc1234567890",
        "abc123abc123", "abcabcabcabc", "abcd12345678", "abcd1234abcd", "abcdefghijkl", "abcdefghijklm",
        "abcdefghijklmn", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz", "admin1234567", "admin12345678",
        "admin123456789", "adminadmin123", "adminadminadmin", "administrator", "administrator1", "administrator123",
        "adminpassword", "adminpassword1", "apple1234567", "arsenal12345", "asd123asd123", "asdasdasdasd",
        "asdf1234asdf", "asdf1234asdf1234", "asdfasdfasdf", "asdfghjkl123", "asdfghjkl1234", "asdfghjklzxcvbnm",
        "asdfghjklöä1", "asdfghjklöä12", "asdfghjklöä123", "azertyuiop12", "azertyuiop123", "baseball1234",
        "basketball12", "basketball123", "batman123456", "blink182blink182", "changeit1234", "changeme1234",
        "changemenow1", "chelsea12345", "computer1234", "default12345", "defaultpassword", "demo12345678",
        "dragon123456", "espoo1234567", "facebook1234", "finland12345", "finland1917!", "football1234",
        "football12345", "freedom12345", "google123456", "guest1234567", "göteborg1234", "heihei123456",
        "heippa123456", "hejhejhejhej", "hello1234567", "hellohellohello", "helloworld12", "helloworld123",
        "helsinki1234", "helsinki12345", "helsinki2024", "hemligt12345", "hoitaja12345", "hyväpäivä123",
        "hyvääjoulua!", "hyvääjoulua1", "hyvääpäivää1", "hyvääpäivää123", "iloveyou1234", "iloveyou12345",
        "iloveyou4ever", "iloveyoubaby", "iloveyouforever", "iloveyouiloveyou", "iloveyoumore", "iloveyousomuch",
        "iloveyoutoo1", "ilves1234567", "internet1234", "iphone123456", "jagalskardig", "jagälskardig",
        "jennifer1234", "jokerit12345", "joulukuu2024", "joulukuu2025", "joulupukki12", "jyväskylä123",
        "kaiku1234567", "kaiku2026kaiku", "kaikukaiku12", "kaikupalaute", "kalakukko123", "kayttaja1234",
        "kesä12345678", "kesä2024kesä", "kesä2025kesä", "kesä2026kesä", "kesäkesäkesä", "kesäkuu2024!",
        "kesäkuu2025!", "kevät2025kevät", "kevät2026kevät", "kissa1234567", "kissakissa12", "kissakoira12",
        "koira1234567", "koirakissa12", "koirakoira12", "kuopio123456", "kärpät123456", "käyttäjä1234",
        "leijonat1995", "leijonat2011", "leijonat2019", "leijonat2022", "letmein12345", "letmein123456",
        "letmeinletmein", "liverpool123", "liverpool1892", "logmein12345", "losenord1234", "losenord123456",
        "lösenord1234", "lösenord12345", "lösenord123456", "lösenordlösenord", "manchesterunited", "mansikka1234",
        "master123456", "michael12345", "microsoft123", "minäolen1234", "minärakastan", "moikkamoikka",
        "moimoimoimoi", "monkey123456", "mustikka1234", "mypassword123", "mypassword1234", "newpassword1",
        "newpassword123", "newpassword1234", "oldpassword1", "oldpassword123", "oulu12345678", "p4ssw0rd1234",
        "p@$$w0rd1234", "p@ssw0rd1234", "p@ssword1234", "pa55word1234", "palaute12345", "passw0rd1234",
        "password!@#$", "password123!", "password123!!", "password1234", "password1234!", "password12345",
        "password123456", "password1234567", "password12345678", "password1password", "password2020",
        "password2021", "password2022", "password2023", "password2024", "password2025", "password2026",
        "passwordpassword", "passwordpassword1", "perkele12345", "perkele123456", "perkeleperkele", "pokemon12345",
        "princess1234", "princess12345", "q1w2e3r4t5y6", "q1w2e3r4t5y6u7", "qazwsxedc123", "qazwsxedc1234",
        "qazwsxedcrfv", "qazwsxedcrfvtgb", "qwe123qwe123", "qweasdzxc123", "qweasdzxc1234", "qweqweqweqwe",
        "qwer1234asdf", "qwer1234qwer", "qwerty!@#$%^", "qwerty!qwerty", "qwerty123456", "qwerty1234567",
        "qwerty12345678", "qwerty123456789", "qwerty1234567890", "qwerty123qwerty", "qwertyqwerty", "qwertyqwerty1",
        "qwertyuiop!!", "qwertyuiop12", "qwertyuiop123", "qwertyuiop1234", "qwertyuiop12345", "qwertyuiop[]",
        "qwertyuiopas", "qwertyuiopasdf", "qwertyuiopasdfgh", "qwertyuiopasdfghjkl", "qwertyuiopasdfghjklzxcvbnm",
        "qwertyuiopå1", "qwertyuiopå12", "qwertyuiopå123", "qwertyuiopåasdfghjklöä", "qwertzuiop12",
        "qwertzuiop123", "rakastan1234", "rakastansinua", "rakkaus12345", "rootpassword", "sairaala1234",
        "salainen1234", "salainensalasana", "salasana123!", "salasana1234", "salasana1234!", "salasana12345",
        "salasana123456", "salasana1234567", "salasana1salasana", "salasana2020", "salasana2021", "salasana2022",
        "salasana2023", "salasana2024", "salasana2025", "salasana2026", "salasanasalasana", "samsung12345",
        "secretpassword", "shadow123456", "sisu12345678", "sommar2024sommar", "sommar2025sommar", "spiderman123",
        "starwars1234", "stockholm123", "sunshine1234", "suomi1234567", "suomi1917suomi", "suomi2017suomi",
        "suomifinland", "suomisuomi12", "superman1234", "superman12345", "supersecret123", "sverige12345",
        "syksy2024syksy", "syksy2025syksy", "talvi2024talvi", "talvi2025talvi", "tampere12345", "tappara12345",
        "temporary123", "temppassword", "temppassword1", "tervetuloa12", "tervetuloa123", "tervetuloa1234",
        "terveys12345", "test12345678", "test123456789", "testing12345", "testing123456", "testpassword",
        "testtest1234", "thisisapassword", "thisismypassword", "thisisnotapassword", "topsecret123",
        "trustno1trustno1", "tunnus123456", "tunnussalasana", "turku1234567", "user12345678", "usertest1234",
        "uusisalasana", "uusisalasana1", "uusisalasana123", "vaihdasalasana", "vaihdasalasana1", "valkommen123",
        "vantaa123456", "vinter2024vinter", "välkommen123", "welcome12345", "welcome123456", "welcome1234567",
        "welcome2024!", "welcomewelcome", "whatever1234", "windows12345", "zaq12wsxcde3", "zaq1xsw2cde3",
        "zaq1zaq1zaq1", "zxcvbnm12345", "zxcvbnm123456", "zxcvbnmasdfghjkl", "zxczxczxczxc",
    ]

    /// Common words, names and keyboard rows that make a weak password with digits and symbols.
    static let words: Set<String> = [
        "abcd", "abcdef", "abcdefg", "access", "admin", "administrator", "apple", "april", "asdf", "asdfgh",
        "asdfghjkl", "asiakas", "august", "augusti", "autumn", "azerty", "baseball", "batman", "changeme",
        "company", "computer", "customer", "december", "default", "demo", "doctor", "dragon", "elokuu", "espoo",
        "facebook", "februari", "february", "feedback", "finland", "football", "freedom", "friday", "google",
        "guest", "health", "heinäkuu", "heippa", "hello", "helmikuu", "helsinki", "hemlig", "hemligt", "hockey",
        "hoitaja", "hospital", "huhtikuu", "hyvinvointi", "hyvinvointialue", "höst", "iloveyou", "internet",
        "iphone", "januari", "january", "jennifer", "jokerit", "jordan", "joulu", "joulukuu", "juhannus", "juli",
        "july", "june", "juni", "kaiku", "kayttaja", "kesa", "keskiviikko", "kesä", "kesäkuu", "kevat", "kevät",
        "kissa", "koira", "koti", "kuopio", "kärlek", "käyttäjä", "lauantai", "leijonat", "letmein", "login",
        "lokakuu", "losenord", "love", "lovely", "lääkäri", "lösenord", "maaliskuu", "maanantai", "maj", "mansikka",
        "march", "marraskuu", "mars", "master", "may", "michael", "microsoft", "moikka", "monday", "monkey",
        "mustikka", "november", "nurse", "october", "office", "oktober", "oulu", "palaute", "pass", "passw",
        "password", "passwort", "perhe", "perjantai", "perkele", "pokemon", "princess", "qazwsx", "qazwsxedc",
        "qweasd", "qweasdzxc", "qwerty", "qwertyuiop", "qwertz", "rakastan", "rakkaus", "root", "sairaala",
        "salainen", "salasana", "samsung", "saturday", "secret", "september", "service", "shadow", "sisu", "soccer",
        "sommar", "spring", "starwars", "stockholm", "summer", "sunday", "sunnuntai", "sunshine", "suomi",
        "superman", "support", "sverige", "syksy", "syyskuu", "talvi", "tammikuu", "tampere", "temp", "tervetuloa",
        "terveys", "terveyskeskus", "test", "testing", "thursday", "tiistai", "torstai", "toukokuu", "trustno",
        "tuesday", "tunnus", "turku", "user", "valkommen", "vantaa", "vinter", "välkommen", "vår", "wednesday",
        "welcome", "whatever", "windows", "winter", "zxcv", "zxcvbn", "zxcvbnm",
    ]
}
