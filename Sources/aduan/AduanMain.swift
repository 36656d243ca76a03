import AduanCLI

/// The `aduan` executable.
@main
enum AduanMain {
    static func main() async {
        await AduanCommand.main()
    }
}
