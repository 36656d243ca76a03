/// The staff commands' help, short enough to read on a phone: one line per command.
///
/// Staff are Indonesian, so `"id"` text is Indonesian first, with a short English pointer;
/// `"en"` text uses the English command words.
public enum StaffHelp {

    /// The list of every command (usage and what it does, one line each), a few examples, and how
    /// tracking numbers may be typed.
    public static func text(language: String) -> String {
        let english = language == "en"
        var lines: [String] = []
        lines.append(english
            ? "Staff commands (may start with !; upper or lower case alike):"
            : "Perintah staf (boleh diawali !; huruf besar/kecil sama saja):")
        for verb in StaffVerb.allCases {
            lines.append(verb.usage(language: language) + " — " + verb.summary(language: language))
        }
        lines.append(english ? "Examples:" : "Contoh:")
        for verb in [StaffVerb.take, .wait, .reject] {
            lines.append(verb.example(language: language))
        }
        if english {
            lines.append("CODE may be typed bgl-k7m-4qx, BGL K7M 4QX or bglk7m4qx. \"help wait\" shows one command.")
            lines.append("(Bahasa Indonesia: ketik \"bantuan\".)")
        } else {
            lines.append("KODE boleh ditulis bgl-k7m-4qx, BGL K7M 4QX atau bglk7m4qx. \"bantuan tunda\" menjelaskan satu perintah.")
            lines.append("(English: each command also has an English word, e.g. take, reply, wait; type \"help\".)")
        }
        return lines.joined(separator: "\n")
    }

    /// How to use one command, with an example: what a malformed command gets in answer.
    ///
    /// `"id"`: `Cara pakai: tunda KODE TANGGAL alasan — contoh: tunda BGL-K7M-4QX 15-12-2026 menunggu pengadaan aspal`,
    /// then the English form in parentheses on a second line; `"en"`: `Usage: wait CODE DATE reason — example: …`.
    /// For `tunda` a line with the date forms follows.
    public static func usage(_ verb: StaffVerb, language: String) -> String {
        var lines: [String]
        if language == "en" {
            lines = ["Usage: \(verb.usage(language: "en")) — example: \(verb.example(language: "en"))"]
            if verb == .wait { lines.append("DATE: " + dateForms(language: "en")) }
        } else {
            lines = ["Cara pakai: \(verb.usage) — contoh: \(verb.example)"]
            if verb == .wait { lines.append("TANGGAL: " + dateForms(language: "id")) }
            lines.append("(English: \(verb.usage(language: "en")))")
        }
        return lines.joined(separator: "\n")
    }

    /// The date forms `tunda` reads, e.g. for a date that could not be read.
    static func dateForms(language: String) -> String {
        language == "en"
            ? "15-12-2026, 15/12, 15 December, tomorrow, 3 days, 2 weeks, 1 month"
            : "15-12-2026, 15/12, 15 Desember, besok, lusa, 3 hari, 2 minggu, 1 bulan"
    }
}
