import AduanCore
import AduanDialog
import AduanWilayah

/// A synthetic citizen's intentions for one intake: the place they mean and how they type it, the
/// kind of problem, what they write, whether they give a phone number, and the detours they take
/// (asking for help, going back, correcting the summary). The same citizen number and intake
/// number always give the same persona, so runs are comparable.
struct Persona: Sendable, Hashable {
    /// The first message, which opens the conversation.
    var greeting: String
    /// Switch to English right after the greeting.
    var switchesToEnglish: Bool
    /// The place meant.
    var place: Place
    /// What the citizen types for it first (exact, with a typo, without spaces, only the kecamatan…).
    var locationText: String
    /// The category's position in the list (1-based).
    var category: Int
    /// A word for the category instead of its number, if the citizen answers that way.
    var categoryWord: String?
    /// The description.
    var details: String
    /// The description written again after answering "tidak" at the summary, if the citizen does.
    var correctedDetails: String?
    /// The phone number, or nil when the citizen declines to be contacted.
    var phone: String?
    /// Types *bantuan* at the category question.
    var asksHelp: Bool
    /// Types *kembali* after choosing the category, then chooses it again.
    var goesBack: Bool

    /// The persona of `citizen`'s `intake`-th intake.
    static func make(citizen: Int, intake: Int, catalog: Catalog) -> Persona {
        var random = SplitMix64(seed: UInt64(citizen) &* 0x9E37_79B9 &+ UInt64(intake) &* 0x85EB_CA6B &+ 17)
        let places = catalog.gazetteer.kecamatan.flatMap { k in k.desa.map { Place(kecamatan: k.name, desa: $0.name) } }
        let place = places[random.below(places.count)]
        let desa = Self.typed(place.desa ?? place.kecamatan)
        let kecamatan = place.kecamatan

        let locationText: String
        switch random.below(100) {
        case 0..<30: locationText = desa
        case 30..<40: locationText = "ds. \(desa.lowercased()) kec. \(kecamatan.lowercased())"
        case 40..<50: locationText = "\(desa), \(kecamatan)"
        case 50..<70: locationText = Self.typo(desa, random: &random)
        case 70..<85: locationText = desa.lowercased().replacingOccurrences(of: " ", with: "")
        default: locationText = random.below(2) == 0 ? "kecamatan \(kecamatan)" : kecamatan.lowercased()
        }

        let categories = catalog.categories
        let category = random.below(max(categories.count, 1)) + 1
        var categoryWord: String?
        if random.below(100) < 20, categories.indices.contains(category - 1) {
            categoryWord = categories[category - 1].synonyms.first
        }

        let greeting = Self.greetings[random.below(Self.greetings.count)]
        let problem = Self.problems[(category - 1) % Self.problems.count]
        let landmark = Self.landmarks[random.below(Self.landmarks.count)]
        let since = Self.since[random.below(Self.since.count)]
        let details = "\(problem) di dekat \(landmark) \(desa), \(since). Mohon segera ditindaklanjuti, terima kasih."
        let corrects = random.below(100) < 25
        let correctedDetails = corrects
            ? "\(problem) tepat di depan \(landmark) \(desa), \(since); sudah pernah dilaporkan ke kepala desa."
            : nil

        var phone: String?
        if random.below(100) < 60 {
            let a = 1000 + random.below(9000), b = 1000 + random.below(9000)
            let operators = ["0812", "0813", "0857", "0878", "0819"]
            let op = operators[random.below(operators.count)]
            phone = random.below(2) == 0 ? "\(op)-\(a)-\(b)" : "+62 \(op.dropFirst()) \(a) \(b)"
        }

        return Persona(
            greeting: greeting, switchesToEnglish: random.below(100) < 5, place: place, locationText: locationText,
            category: category, categoryWord: categoryWord, details: details, correctedDetails: correctedDetails,
            phone: phone, asksHelp: random.below(100) < 20, goesBack: random.below(100) < 20)
    }

    /// "Songan A" as people type it; a name with a second name in parentheses is typed without it.
    static func typed(_ name: String) -> String {
        guard let open = name.firstIndex(of: "(") else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// The name with one small slip: a letter dropped, two letters swapped, or a letter doubled.
    static func typo(_ name: String, random: inout SplitMix64) -> String {
        var letters = Array(name.lowercased())
        let positions = letters.indices.filter { $0 > 0 && letters[$0].isLetter }
        guard letters.count >= 5, let position = positions.isEmpty ? nil : positions[random.below(positions.count)] else {
            return name.lowercased()
        }
        switch random.below(3) {
        case 0: letters.remove(at: position)
        case 1 where position + 1 < letters.count && letters[position + 1].isLetter:
            letters.swapAt(position, position + 1)
        default: letters.insert(letters[position], at: position)
        }
        return String(letters)
    }

    static let greetings = ["halo", "selamat pagi", "permisi, saya mau lapor", "om swastyastu", "siang pak", "halo admin"]
    static let problems = [
        "Jalan berlubang besar dan aspal mengelupas",
        "Sampah menumpuk di pinggir jalan dan tidak diangkut",
        "Lampu penerangan jalan mati sehingga gelap di malam hari",
        "Saluran air tersumbat, air meluap ke jalan kalau hujan",
        "Pelayanan di puskesmas lama, antrean sampai siang",
        "Air PDAM tidak mengalir ke rumah warga",
        "Pohon besar tumbang dan menghalangi jalan",
    ]
    static let landmarks = ["SD Negeri 2", "balai banjar", "pura desa", "pasar", "kantor perbekel", "lapangan"]
    static let since = ["sudah dua minggu", "sejak hari Senin", "sudah sebulan lebih", "sejak kemarin sore"]
}

extension SplitMix64 {
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}
