import AduanDialog
import Testing

@Test func explore() {
    let chat = Chat()
    for m in ["halo", "kintamni", "batur selatan", "1", "Jalan berlubang besar di depan SD 2 sejak dua minggu", "ya", "0812-3456-7890", "tidak", "1", "abuan", "2", "ya"] {
        print(">>> \(m)\n\(chat.send(m))\n[\(chat.current ?? "-")]")
    }
    print(DialogFixtures.catalog.exampleLocation)
    print(DialogFixtures.catalog.resolver.resolve(DialogFixtures.catalog.exampleLocation))
    print(chat.filings)
}
