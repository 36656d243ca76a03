import AduanCore
import Testing

@Suite struct TextMatchingTests {

    @Test(arguments: [
        ("Batur Selatan", "batur selatan"),
        ("  BATUR   Selatan  ", "batur selatan"),
        ("Désa Abuán", "desa abuan"),
        ("Çilandak Ñusa", "cilandak nusa"),
        ("ds.Abuan,kec.Susut", "ds abuan kec susut"),
        ("Batur-Selatan!!", "batur selatan"),
        ("Jalenjaya (Jejalenjaya)", "jalenjaya jejalenjaya"),
        ("Kintamani 🙏🏽", "kintamani"),
        ("🇮🇩 Bangli", "bangli"),
        ("Ki\u{200D}ntamani", "kintamani"),
        ("ＢＡＮＧＬＩ", "bangli"),
        ("tab\tand\nnewline", "tab and newline"),
        ("rt 03 / rw 07", "rt 03 rw 07"),
        ("a+b=c $5 © ★", "a b c 5"),
        ("", ""),
        ("  ...  ", ""),
    ])
    func normalize(_ input: String, _ expected: String) {
        #expect(TextMatching.normalize(input) == expected)
    }

    @Test func compactRemovesAllSpaces() {
        #expect(TextMatching.compact("Batur Selatan") == "baturselatan")
        #expect(TextMatching.compact("batur  selatan") == "baturselatan")
        #expect(TextMatching.compact("Kepoh Baru") == TextMatching.compact("kepohbaru"))
        #expect(TextMatching.compact("Sumber-Agung.") == "sumberagung")
        #expect(TextMatching.compact(" \t ") == "")
    }

    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("kintamani", "kintamani", 0),
        ("kintamni", "kintamani", 1),     // deletion
        ("kintamanii", "kintamani", 1),   // insertion
        ("kintamana", "kintamani", 1),    // substitution
        ("kitnamani", "kintamani", 1),    // adjacent swap counts once
        ("ca", "abc", 3),                 // OSA: no edits of a swapped pair
        ("kitten", "sitting", 3),
        ("susut", "tusus", 2),
        ("é", "e", 1),                    // Characters as given, no folding
    ])
    func editDistance(_ a: String, _ b: String, _ expected: Int) {
        #expect(TextMatching.editDistance(a, b) == expected)
        #expect(TextMatching.editDistance(b, a) == expected)
    }

    @Test func editDistanceCountsCharactersNotScalars() {
        // "e" + combining acute is one Character; so is a flag made of two scalars.
        #expect(TextMatching.editDistance("cafe\u{301}", "cafe") == 1)
        #expect(TextMatching.editDistance("🇮🇩x", "x") == 1)
    }

    @Test func boundedEditDistanceStopsEarly() {
        #expect(TextMatching.editDistance(Array("kintamani"), Array("kintamni"), atMost: 1) == 1)
        #expect(TextMatching.editDistance(Array("kintamani"), Array("kntmni"), atMost: 2) == nil)
        #expect(TextMatching.editDistance(Array("kintamani"), Array("kntmni"), atMost: 3) == 3)
        #expect(TextMatching.editDistance(Array("abc"), Array("abcdef"), atMost: 2) == nil)
        #expect(TextMatching.editDistance(Array("abc"), Array("abc"), atMost: 0) == 0)
        #expect(TextMatching.editDistance(Array("abc"), Array("abd"), atMost: -1) == nil)
    }

    @Test func defaultMaxDistanceGrowsWithLength() {
        #expect([1, 4, 5, 8, 9, 20].map(TextMatching.defaultMaxDistance(forLength:)) == [1, 1, 2, 2, 3, 3])
    }

    static let kecamatan = ["Bangli", "Kintamani", "Susut", "Tembuku"]

    @Test func closestFindsTyposOnCompactForms() {
        #expect(TextMatching.closest(to: "kintamni", among: Self.kecamatan) == ["Kintamani"])
        #expect(TextMatching.closest(to: "SUSUT", among: Self.kecamatan) == ["Susut"])
        #expect(TextMatching.closest(to: "batur  selatn", among: ["Batur Utara", "Batur Selatan", "Batur Tengah"])
            == ["Batur Selatan"])
    }

    @Test func closestOrdersByDistanceThenOriginalOrder() {
        let candidates = ["abcx", "abcd", "abxy", "abc", "abcd"]
        #expect(TextMatching.closest(to: "abcd", among: candidates, maxDistance: 2) == ["abcd", "abcx", "abc", "abxy"])
        #expect(TextMatching.closest(to: "abcd", among: candidates, limit: 2, maxDistance: 2) == ["abcd", "abcx"])
        #expect(TextMatching.closest(to: "abcd", among: candidates, limit: 0) == [])
    }

    @Test func closestUsesALengthScaledDefaultThreshold() {
        // 4 characters: 1 edit; "sust" → "susut" is 1, "tembuku" is far.
        #expect(TextMatching.closest(to: "sust", among: Self.kecamatan) == ["Susut"])
        // 6 characters: 2 edits allowed, 3 are not.
        #expect(TextMatching.closest(to: "bnglii", among: Self.kecamatan) == ["Bangli"])
        #expect(TextMatching.closest(to: "kntmni", among: Self.kecamatan) == [])
        #expect(TextMatching.closest(to: "kntmni", among: Self.kecamatan, maxDistance: 3) == ["Kintamani"])
    }

    @Test func closestOfNothingIsNothing() {
        #expect(TextMatching.closest(to: "", among: Self.kecamatan) == [])
        #expect(TextMatching.closest(to: "  !! ", among: Self.kecamatan) == [])
        #expect(TextMatching.closest(to: "bangli", among: []) == [])
    }
}
