import AduanCore
import AduanDialog
import AduanWilayah
import Foundation
import Testing

/// The whole intake of `Dialogs/pengaduan.json`, as citizens go through it.
@Suite struct DialogFlowTests {
    static let baturSelatan = Place(kecamatan: "Kintamani", desa: "Batur Selatan")
    static let details = "Jalan berlubang besar di depan SD 2, sudah dua minggu, motor sering jatuh."

    @Test func theHappyPathFilesExactlyOneCase() throws {
        let chat = Chat()
        let greeting = chat.send("halo")
        for part in ["24 Jam Bangli Era Baru", "Kabupaten Bangli", "*batal*", "*kembali*", "*bantuan*", "*status*",
                     "Untuk keadaan darurat hubungi 112", "english"] {
            #expect(greeting.contains(part), "greeting lacks \(part)")
        }
        #expect(greeting.contains("Contoh: \(DialogFixtures.catalog.exampleLocation)"))
        #expect(chat.current == "lokasi")

        let categories = chat.send("desa batur selatan kec kintamani")
        #expect(chat.current == "kategori")
        #expect(categories.contains("1. Jalan atau jembatan rusak\n2. Sampah dan pencemaran\n3. Layanan kesehatan"))
        #expect(chat.send("1").contains("sejak kapan"))
        #expect(chat.current == "uraian")
        let privacy = chat.send(Self.details)
        #expect(chat.current == "identitas")
        #expect(privacy.hasSuffix("Balas dengan *nomornya*:\n1. Biasa\n2. Rahasia\n3. Anonim (tanpa nama)"))
        chat.send("biasa")
        #expect(chat.current == "mau_kontak")
        #expect(chat.send("ya").contains("0812 3456 7890"))
        #expect(chat.current == "kontak")
        let summary = chat.send("0812-3456-7890")
        #expect(chat.current == "konfirmasi")
        #expect(summary == """
            Mohon periksa aduan Anda:
            📍 Lokasi: Desa Batur Selatan, Kecamatan Kintamani
            📂 Jenis: Jalan atau jembatan rusak
            📝 Uraian: \(Self.details)
            🔒 Identitas: Biasa
            📞 Kontak: +6281234567890

            Sudah benar? Balas *ya* untuk mengirim aduan, atau *tidak* untuk mengubahnya.
            """)
        #expect(chat.filings.isEmpty)

        let done = chat.send("ya")
        let tracking = TrackingNumber(prefix: "BGL", sequence: 1)
        #expect(chat.filings.count == 1)
        let filing = try #require(chat.filings.first)
        #expect(filing == CaseFiling(
            tracking: tracking, category: "jalan", opd: "pupr", place: Self.baturSelatan, details: Self.details,
            contact: "+6281234567890", language: "id", confidential: false,
            filedAt: DialogFixtures.now, dueAt: DialogFixtures.now.addingTimeInterval(24 * 3600)))
        #expect(done == """
            ✅ Terima kasih, aduan Anda sudah kami terima.
            Nomor aduan: *\(tracking.code)*
            Diteruskan ke: Dinas PUPR
            Identitas: Biasa
            Petugas akan menanggapi dalam 24 jam, paling lambat Rabu, 7 Januari 2026 pukul 09.00 WITA.

            Simpan nomor ini. Untuk melihat perkembangannya, ketik *status \(tracking.code)*.
            """)
        #expect(chat.state == .idle)
        #expect(chat.scriptErrors.isEmpty)

        // The next message starts a new conversation; nothing more is filed.
        #expect(chat.send("halo").contains("Selamat datang"))
        #expect(chat.filings.count == 1)
    }

    @Test func theWholePathInEnglish() throws {
        let chat = Chat()
        chat.send("hello")
        #expect(chat.send("english").hasPrefix("OK, let's continue in English.\n\n📍 Where is the problem?"))
        chat.send(["abuan susut", "rubbish", "Rubbish has piled up next to the market for a week.", "normal"])
        chat.send("no")
        let summary = chat.send("no")  // "no" at the summary: change something
        #expect(summary.contains("What would you like to change?"))
        chat.send("description")
        let again = chat.send("Rubbish has piled up next to the market for ten days now.")
        #expect(again.contains("📍 Location: Desa Abuan, Kecamatan Susut\n📂 Kind: Rubbish and pollution"))
        #expect(again.contains("📞 Contact: not given"))
        let done = chat.send("yes")
        let filing = try #require(chat.filings.first)
        #expect(filing.language == "en")
        #expect(filing.category == "sampah" && filing.opd == "dlh")
        #expect(filing.details == "Rubbish has piled up next to the market for ten days now.")
        #expect(filing.contact == nil)
        // Rubbish has its own deadline of 72 hours.
        #expect(filing.dueAt == DialogFixtures.now.addingTimeInterval(72 * 3600))
        #expect(done.contains("Sent to: Environment Agency"))
        #expect(done.contains("within 3 days, at the latest by Friday, 9 January 2026 at 09:00 WITA"))
        #expect(done.contains("type *status \(filing.tracking.code)*"))
    }

    @Test func noContactWantedMeansNoContactFiled() throws {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "3", "Puskesmas tutup sejak pagi, tidak ada petugas jaga.", "1"])
        let summary = chat.send("tidak")
        #expect(chat.current == "konfirmasi")
        #expect(summary.contains("📞 Kontak: tidak dicantumkan"))
        chat.send("iya")
        let filing = try #require(chat.filings.first)
        #expect(filing.contact == nil)
        #expect(filing.category == "kesehatan" && filing.opd == "dinkes")
        #expect(filing.confidential, "health complaints are sensitive data")
    }

    @Test func theContactCanBeSkipped() throws {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "ya"])
        #expect(chat.send("lewati").contains("📞 Kontak: tidak dicantumkan"))
        chat.send("ya")
        #expect(try #require(chat.filings.first).contact == nil)
    }

    @Test func changingTheCategoryReturnsToTheSummary() throws {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak"])
        let choices = chat.send("tidak")
        #expect(chat.current == "ubah")
        #expect(choices.hasSuffix("1. Lokasi\n2. Jenis masalah\n3. Uraian\n4. Nomor HP\n5. Identitas (biasa, rahasia, anonim)\n6. Tidak jadi mengadu"))
        chat.send("jenis")
        #expect(chat.current == "ubah_kategori")
        let summary = chat.send("sampah")
        #expect(chat.current == "konfirmasi")
        #expect(summary.contains("📂 Jenis: Sampah dan pencemaran"))
        #expect(summary.contains("📍 Lokasi: Desa Batur Selatan, Kecamatan Kintamani"))
        chat.send("ya")
        let filing = try #require(chat.filings.first)
        #expect(filing.category == "sampah" && filing.opd == "dlh" && filing.details == Self.details)
    }

    @Test func changingTheLocationAndTheDetails() throws {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak", "tidak"])
        chat.send("lokasi")
        #expect(chat.current == "ubah_lokasi")
        #expect(chat.send("abuan").contains("2. Desa Abuan, Kecamatan Susut"))
        #expect(chat.send("susut").contains("📍 Lokasi: Desa Abuan, Kecamatan Susut"))
        chat.send(["tidak", "3"])
        #expect(chat.current == "ubah_uraian")
        #expect(chat.send("Jalan amblas di tikungan dekat balai desa.").contains("📝 Uraian: Jalan amblas di tikungan dekat balai desa."))
        chat.send("betul")
        let filing = try #require(chat.filings.first)
        #expect(filing.place == Place(kecamatan: "Susut", desa: "Abuan"))
        #expect(filing.details == "Jalan amblas di tikungan dekat balai desa.")
    }

    @Test func withdrawingTheContactRemovesTheNumber() throws {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "ya"])
        #expect(chat.send("081234567890").contains("📞 Kontak: +6281234567890"))
        chat.send(["tidak", "nomor hp"])
        #expect(chat.current == "kontak")
        #expect(chat.send("lewati").contains("📞 Kontak: tidak dicantumkan"))
        chat.send("ya")
        #expect(try #require(chat.filings.first).contact == nil)
    }

    @Test func choosingNotToSendEndsWithoutACase() {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak", "tidak"])
        let end = chat.send("6")
        #expect(end.contains("aduan tidak dikirim"))
        #expect(chat.state == .idle)
        #expect(chat.filings.isEmpty)
        let byWords = Chat()
        byWords.send(["halo", "batur selatan", "1", Self.details, "1", "tidak", "tidak"])
        #expect(byWords.send("gak jadi").contains("aduan tidak dikirim"))
        #expect(byWords.filings.isEmpty)
    }

    @Test(arguments: ["ya", "sudah", "sudah benar", "Sudah betul", "iya kirim", "ok", "betul", "yes"])
    func theNaturalAnswersToSudahBenarSend(_ answer: String) {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak"])
        #expect(chat.current == "konfirmasi")
        chat.send(answer)
        #expect(chat.filings.count == 1, "\(answer)")
    }

    @Test(arguments: ["tidak", "belum", "salah", "bukan", "tidak, ubah dulu", "gak"])
    func theNaturalAnswersToSudahBenarChange(_ answer: String) {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak"])
        chat.send(answer)
        #expect(chat.current == "ubah", "\(answer)")
        #expect(chat.filings.isEmpty)
    }

    @Test(arguments: ["ada yang salah", "hmm", "nanti", "ya tapi lokasinya salah", "iya, tapi ganti nomor HP",
                      "ya tapi lokasinya salah ganti ke desa abuan kecamatan susut", "tidak tahu"])
    func anUnclearConfirmationIsAskedAgainAndNothingIsFiled(_ answer: String) {
        let chat = Chat()
        chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak"])
        #expect(chat.send(answer).hasPrefix("Maaf, saya belum mengerti. Mohon balas *ya* atau *tidak*."), "\(answer)")
        #expect(chat.current == "konfirmasi")
        #expect(chat.filings.isEmpty)
    }

    @Test func eachCaseGetsTheNextTrackingNumber() {
        let chat = Chat()
        for round in 1...3 {
            chat.send(["halo", "batur selatan", "1", Self.details, "1", "tidak", "ya"])
            #expect(chat.filings.count == round)
            #expect(chat.filings.last?.tracking == TrackingNumber(prefix: "BGL", sequence: round))
        }
        #expect(Set(chat.filings.map(\.tracking.code)).count == 3)
    }
}
