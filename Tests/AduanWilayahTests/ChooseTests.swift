import AduanWilayah
import Testing

@Suite struct ChooseTests {
    let bangli = WilayahFixtures.bangliResolver
    let abuan = [Place(kecamatan: "Kintamani", desa: "Abuan"), Place(kecamatan: "Susut", desa: "Abuan")]

    @Test(arguments: ["2", " 2. ", "no. 2", "nomor 2", "pilihan ke-2", "#2", "yang kedua", "dua", "second"])
    func byNumber(_ text: String) {
        #expect(bangli.choose(text, among: abuan) == abuan[1])
    }

    @Test func firstByNumberAndOutOfRange() {
        #expect(bangli.choose("1", among: abuan) == abuan[0])
        #expect(bangli.choose("pertama", among: abuan) == abuan[0])
        #expect(bangli.choose("3", among: abuan) == nil)
        #expect(bangli.choose("0", among: abuan) == nil)
        #expect(bangli.choose("ketiga", among: abuan) == nil)
        #expect(bangli.choose("2", among: []) == nil)
    }

    @Test(arguments: ["susut", "Susut", "kec. susut", "sust", "abuan susut", "desa abuan kecamatan susut", "yang di susut"])
    func byName(_ text: String) {
        #expect(bangli.choose(text, among: abuan) == abuan[1])
    }

    @Test func aNameThatFitsAllOrNoneIsNoChoice() {
        #expect(bangli.choose("abuan", among: abuan) == nil)
        #expect(bangli.choose("", among: abuan) == nil)
        #expect(bangli.choose("tembuku", among: abuan) == nil)
        #expect(bangli.choose("kintamani atau susut", among: abuan) == nil)
        #expect(bangli.choose("kintamani", among: abuan) == abuan[0])
    }

    @Test func namesBeatNumberWords() {
        // Bangli has a desa called Tiga ("three").
        let susut = [
            Place(kecamatan: "Susut", desa: "Tiga"), Place(kecamatan: "Susut", desa: "Selat"),
            Place(kecamatan: "Susut", desa: "Susut"),
        ]
        #expect(bangli.choose("tiga", among: susut) == susut[0])
        #expect(bangli.choose("3", among: susut) == susut[2])
        #expect(bangli.choose("dua", among: susut) == susut[1])
        #expect(bangli.choose("desa susut", among: susut) == susut[2])
    }

    @Test func wholeKecamatanCandidates() {
        let ngraho = [Place(kecamatan: "Gayam", desa: "Ngraho"), Place(kecamatan: "Ngraho")]
        let resolver = WilayahFixtures.bojonegoroResolver
        #expect(resolver.choose("gayam", among: ngraho) == ngraho[0])
        #expect(resolver.choose("desa ngraho", among: ngraho) == ngraho[0])
        #expect(resolver.choose("kecamatan ngraho", among: ngraho) == ngraho[1])
        #expect(resolver.choose("ngraho", among: ngraho) == nil)
    }

    @Test func choosesFromWhatResolveOffered() throws {
        guard case .ambiguous(let offered) = bangli.resolve("bunutin") else {
            Issue.record("expected ambiguous")
            return
        }
        let chosen = try #require(bangli.choose("kintamani", among: offered))
        #expect(chosen == Place(kecamatan: "Kintamani", desa: "Bunutin"))
        #expect(bangli.resolve(chosen.desa!, inKecamatan: chosen.kecamatan) == .found(chosen))
    }
}
