import AduanWilayah
import Testing

/// What citizens of Bangli (and Bojonegoro) type, and what the bot must make of it.
@Suite struct LocationResolverTests {
    let bangli = WilayahFixtures.bangliResolver
    let bojonegoro = WilayahFixtures.bojonegoroResolver

    static let abuanKintamani = Place(kecamatan: "Kintamani", desa: "Abuan")
    static let abuanSusut = Place(kecamatan: "Susut", desa: "Abuan")
    static let baturSelatan = Place(kecamatan: "Kintamani", desa: "Batur Selatan")

    @Test(arguments: [
        "batur selatan", "Batur Selatan", "BATUR SELATAN", "baturselatan", "Batur  Selatan", "  batur selatan. ",
        "Bátur Sélatan", "batur-selatan", "ds. batur selatan", "Desa Batur Selatan", "di batur selatan",
        "kel batur selatan", "kelurahan batur selatan", "desa batur selatan kabupaten bangli",
        "jalan rusak di desa batur selatan", "batur selatan 🙏",
    ])
    func spellingsOfOneDesa(_ text: String) {
        #expect(bangli.resolve(text) == .found(Self.baturSelatan))
    }

    @Test(arguments: ["btur selatan", "batur selatn", "batursealtan", "ds. Batur Sltn", "desa batur slatan"])
    func typosOfADesa(_ text: String) {
        #expect(bangli.resolve(text) == .found(Self.baturSelatan))
    }

    @Test func typosOfKecamatan() {
        #expect(bangli.resolve("kintamni") == .kecamatanOnly("Kintamani"))
        #expect(bangli.resolve("Kintamany") == .kecamatanOnly("Kintamani"))
        #expect(bangli.resolve("sust") == .kecamatanOnly("Susut"))
        #expect(bangli.resolve("tembku") == .kecamatanOnly("Tembuku"))
        #expect(bangli.resolve("kec. kintamni") == .kecamatanOnly("Kintamani"))
        // Exact beats fuzzy: "Sumberejo" is a desa; "Sumberrejo" (one edit away) is another name.
        #expect(bojonegoro.resolve("sumberejo") == .ambiguous([
            Place(kecamatan: "Malo", desa: "Sumberejo"), Place(kecamatan: "Margomulyo", desa: "Sumberejo"),
        ]))
    }

    @Test func aDesaInTwoKecamatanIsAmbiguous() {
        #expect(bangli.resolve("abuan") == .ambiguous([Self.abuanKintamani, Self.abuanSusut]))
        #expect(bangli.resolve("Désa Abuán") == .ambiguous([Self.abuanKintamani, Self.abuanSusut]))
        #expect(bangli.resolve("bunutin") == .ambiguous([
            Place(kecamatan: "Bangli", desa: "Bunutin"), Place(kecamatan: "Kintamani", desa: "Bunutin"),
        ]))
        // Names that differ only in spaces count as the same name.
        let sumberAgung = [
            Place(kecamatan: "Dander", desa: "Sumber Agung"), Place(kecamatan: "Kepoh Baru", desa: "Sumberagung"),
            Place(kecamatan: "Ngraho", desa: "Sumberagung"),
        ]
        #expect(bojonegoro.resolve("sumberagung") == .ambiguous(sumberAgung))
        #expect(bojonegoro.resolve("Sumber Agung") == .ambiguous(sumberAgung))
    }

    @Test func aKecamatanWithADesaOfTheSameNameIsKecamatanOnly() {
        // Kintamani, Susut and Tembuku each have a desa of their own name.
        #expect(bangli.resolve("Kintamani") == .kecamatanOnly("Kintamani"))
        #expect(bangli.resolve("susut") == .kecamatanOnly("Susut"))
        #expect(bangli.resolve("kecamatan tembuku") == .kecamatanOnly("Tembuku"))
        #expect(bangli.resolve("bangli") == .kecamatanOnly("Bangli"))
        // Saying "desa" asks for the desa.
        #expect(bangli.resolve("desa kintamani") == .found(Place(kecamatan: "Kintamani", desa: "Kintamani")))
        // Bojonegoro: "Ngraho" is a kecamatan and also a desa in Gayam.
        #expect(bojonegoro.resolve("ngraho") == .ambiguous([
            Place(kecamatan: "Gayam", desa: "Ngraho"), Place(kecamatan: "Ngraho", desa: nil),
        ]))
        #expect(bojonegoro.resolve("kec ngraho") == .kecamatanOnly("Ngraho"))
        #expect(bojonegoro.resolve("tambak rejo") == .kecamatanOnly("Tambakrejo"))
    }

    @Test(arguments: [
        "desa abuan kecamatan susut", "Desa Abuan, Kecamatan Susut", "ds abuan kec susut", "kel. abuan kec. susut",
        "abuan kec susut", "abuan, susut", "abuan - susut", "abuan susut", "Abuan/Susut", "kecamatan susut desa abuan",
        "di desa abuan kecamatan susut kabupaten bangli", "ds. abuan kec. susut kab. bangli provinsi bali",
        "abuan kecamtan susut", "abuan susu",
    ])
    func theKecamatanNarrowsTheDesa(_ text: String) {
        #expect(bangli.resolve(text) == .found(Self.abuanSusut))
    }

    @Test func aDesaThatIsNotInTheNamedKecamatan() {
        // Abuan is in two other kecamatan: ask which.
        #expect(bangli.resolve("abuan kec bangli") == .ambiguous([Self.abuanKintamani, Self.abuanSusut]))
        // Batur Selatan is in Kintamani only: suggest it first.
        guard case .notFound(let suggestions) = bangli.resolve("batur selatan kec susut") else {
            Issue.record("expected notFound")
            return
        }
        #expect(suggestions.first == Self.baturSelatan)
        #expect(suggestions.dropFirst().allSatisfy { $0.kecamatan == "Susut" })
        // Kawan is in Bangli; Kintamani has a desa Awan that looks like it.
        #expect(bangli.resolve("kawan, kintamani") == .notFound(suggestions: [
            Place(kecamatan: "Bangli", desa: "Kawan"), Place(kecamatan: "Kintamani", desa: "Awan"),
        ]))
    }

    @Test func aBareRegencyNameIsNotTakenForTheKecamatan() {
        #expect(bangli.resolve("batur selatan, bangli") == .found(Self.baturSelatan))
        #expect(bangli.resolve("abuan bangli") == .ambiguous([Self.abuanKintamani, Self.abuanSusut]))
        #expect(bangli.resolve("bunutin, bangli") == .ambiguous([
            Place(kecamatan: "Bangli", desa: "Bunutin"), Place(kecamatan: "Kintamani", desa: "Bunutin"),
        ]))
        #expect(bangli.resolve("bunutin kec. bangli") == .found(Place(kecamatan: "Bangli", desa: "Bunutin")))
        #expect(bojonegoro.resolve("kauman, bojonegoro") == .ambiguous([
            Place(kecamatan: "Baureno", desa: "Kauman"), Place(kecamatan: "Bojonegoro", desa: "Kauman"),
        ]))
        #expect(bojonegoro.resolve("kauman kecamatan bojonegoro") == .found(Place(kecamatan: "Bojonegoro", desa: "Kauman")))
    }

    @Test func aDesaNamedLikeAnotherKecamatan() {
        #expect(bojonegoro.resolve("ngraho, gayam") == .found(Place(kecamatan: "Gayam", desa: "Ngraho")))
        #expect(bojonegoro.resolve("margomulyo balen") == .found(Place(kecamatan: "Balen", desa: "Margomulyo")))
        #expect(bojonegoro.resolve("sumberrejo trucuk") == .found(Place(kecamatan: "Trucuk", desa: "Sumberrejo")))
    }

    @Test func extraWordsAroundTheName() {
        #expect(bangli.resolve("lampu jalan mati di dekat pura desa batur selatan, kintamani") == .found(Self.baturSelatan))
        #expect(bangli.resolve("lampu mati tiga hari desa btur selatn") == .found(Self.baturSelatan))
        #expect(bangli.resolve("jalan rusak dekat pasar kintamani") == .kecamatanOnly("Kintamani"))
        #expect(bojonegoro.resolve("lampu jalan mati sudah tiga minggu di depan balai desa kalirejo kecamatan bojonegoro")
            == .found(Place(kecamatan: "Bojonegoro", desa: "Kalirejo")))
        // Two desa named side by side: ask.
        #expect(bangli.resolve("antara kubu dan kawan") == .ambiguous([
            Place(kecamatan: "Bangli", desa: "Kawan"), Place(kecamatan: "Bangli", desa: "Kubu"),
        ]))
        // Two kecamatan: ask which.
        #expect(bangli.resolve("kintamani atau susut") == .ambiguous([
            Place(kecamatan: "Kintamani"), Place(kecamatan: "Susut"),
        ]))
    }

    @Test func namesInParentheses() {
        let resolver = LocationResolver(gazetteer: WilayahFixtures.kabupatenBekasi)
        let jalenjaya = Place(kecamatan: "Tambun Utara", desa: "Jalenjaya (Jejalenjaya)")
        for text in ["jalenjaya", "Jejalenjaya", "Jalenjaya (Jejalenjaya)", "desa jejalenjaya kec tambun utara", "jalenjya"] {
            #expect(resolver.resolve(text) == .found(jalenjaya), "\(text)")
        }
    }

    @Test func postcodes() {
        #expect(bangli.resolve("80612") == .found(Place(kecamatan: "Bangli", desa: "Cempaga")))
        #expect(bangli.resolve("kode pos 80613") == .found(Place(kecamatan: "Bangli", desa: "Kawan")))
        #expect(bangli.resolve("80611") == .ambiguous([
            Place(kecamatan: "Bangli", desa: "Kubu"), Place(kecamatan: "Bangli", desa: "Landih"),
        ]))
        guard case .ambiguous(let susut) = bangli.resolve("80661") else {
            Issue.record("expected ambiguous")
            return
        }
        #expect(susut.count == 9)
        #expect(susut.allSatisfy { $0.kecamatan == "Susut" && $0.desa != nil })
        #expect(susut.contains(Self.abuanSusut))
        // 48 desa of Kintamani share one postcode: that is a kecamatan.
        #expect(bangli.resolve("80652") == .kecamatanOnly("Kintamani"))
        // 31 desa in two kecamatan: ask which kecamatan.
        #expect(bojonegoro.resolve("62183") == .ambiguous([Place(kecamatan: "Sugihwaras"), Place(kecamatan: "Sukosewu")]))
        // A postcode narrows an ambiguous name; a named desa wins over a postcode.
        #expect(bangli.resolve("abuan 80661") == .found(Self.abuanSusut))
        #expect(bangli.resolve("abuan, 80652") == .found(Self.abuanKintamani))
        #expect(bangli.resolve("kawan 80652") == .found(Place(kecamatan: "Bangli", desa: "Kawan")))
        #expect(bangli.resolve("kintamani 80652") == .kecamatanOnly("Kintamani"))
        // Unknown postcodes and other numbers mean nothing.
        #expect(bangli.resolve("99999") == .notFound(suggestions: []))
        #expect(bangli.resolve("rt 03 rw 07") == .notFound(suggestions: []))
    }

    @Test func notFoundSuggestsTheClosestNames() {
        #expect(bangli.resolve("") == .notFound(suggestions: []))
        #expect(bangli.resolve("  ?! 🙏 ") == .notFound(suggestions: []))
        #expect(bangli.resolve("xyzzy") == .notFound(suggestions: []))
        // "batur" starts three names: offer them first, not "Catur" (one edit away).
        guard case .notFound(let batur) = bangli.resolve("batur") else {
            Issue.record("expected notFound")
            return
        }
        #expect(Array(batur.prefix(4)) == [
            Place(kecamatan: "Kintamani", desa: "Batur Selatan"), Place(kecamatan: "Kintamani", desa: "Batur Tengah"),
            Place(kecamatan: "Kintamani", desa: "Batur Utara"), Place(kecamatan: "Kintamani", desa: "Catur"),
        ])
        #expect(batur.count <= 5)
        // Too many typos for a match, close enough for a suggestion.
        guard case .notFound(let kintamani) = bangli.resolve("kntmni") else {
            Issue.record("expected notFound")
            return
        }
        #expect(kintamani.first == Place(kecamatan: "Kintamani"))
        #expect(!kintamani.contains(Place(kecamatan: "Kintamani", desa: "Kintamani")))
    }

    @Test func insideOneKecamatan() {
        #expect(bangli.resolve("abuan", inKecamatan: "Susut") == .found(Self.abuanSusut))
        #expect(bangli.resolve("desa abuan", inKecamatan: "kintamani") == .found(Self.abuanKintamani))
        #expect(bangli.resolve("kintamani", inKecamatan: "Kintamani") == .found(Place(kecamatan: "Kintamani", desa: "Kintamani")))
        #expect(bangli.resolve("kintamani, batur selatan", inKecamatan: "Kintamani") == .found(Self.baturSelatan))
        #expect(bangli.resolve("btur selatan", inKecamatan: "Kintamani") == .found(Self.baturSelatan))
        #expect(bangli.resolve("sulahn", inKecamatan: "Susut") == .found(Place(kecamatan: "Susut", desa: "Sulahan")))
        #expect(bangli.resolve("80611", inKecamatan: "Bangli") == .ambiguous([
            Place(kecamatan: "Bangli", desa: "Kubu"), Place(kecamatan: "Bangli", desa: "Landih"),
        ]))
        // Not in this kecamatan: the desa elsewhere is offered.
        #expect(bangli.resolve("abuan", inKecamatan: "Bangli") == .ambiguous([Self.abuanKintamani, Self.abuanSusut]))
        guard case .notFound(let suggestions) = bangli.resolve("btur selatan", inKecamatan: "Susut") else {
            Issue.record("expected notFound")
            return
        }
        #expect(suggestions.first == Self.baturSelatan)
        #expect(suggestions.count <= 5)
        // The citizen corrects the kecamatan.
        #expect(bangli.resolve("kec susut desa abuan", inKecamatan: "Kintamani") == .found(Self.abuanSusut))
        // An unknown kecamatan searches the whole regency.
        #expect(bangli.resolve("batur selatan", inKecamatan: "Atlantis") == .found(Self.baturSelatan))
        #expect(bangli.resolve("", inKecamatan: "Susut") == .notFound(suggestions: []))
    }

    @Test func resolvesQuicklyForBojonegoro() {
        let inputs = [
            "kedungadem", "desa sumberagung kec dander", "sumbragung", "jalan rusak di desa sumber agung dekat pasar",
            "62183", "ngraho, gayam", "xyzzy",
        ]
        let clock = ContinuousClock()
        let rounds = 50
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for input in inputs { _ = bojonegoro.resolve(input) }
            }
        }
        // Release builds take ~5–100 µs; a debug build with sanitizers stays far below this bound.
        #expect(elapsed / (rounds * inputs.count) < .milliseconds(20))
    }
}
