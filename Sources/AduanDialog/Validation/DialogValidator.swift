import AduanCore

/// Checks a dialog's meaning once, when it is loaded, so that an admin's mistake is reported with
/// its place in the file instead of surprising a citizen later.
///
/// It reports: unknown fields; missing texts for a declared language; unknown, duplicate,
/// unreachable states and states from which no `end` can be reached; choices without a target;
/// branches comparing with values a question cannot give; `{{values}}` that are unknown or may not
/// have been collected yet when the text is shown; and missing standard messages.
public struct DialogValidator: Sendable {
    /// The bot the dialog will run for, if known: then `options_from` lists and branch values on
    /// categories are checked against it.
    public var catalog: Catalog?

    /// Makes a validator.
    public init(catalog: Catalog? = nil) {
        self.catalog = catalog
    }

    /// The problems in `dialog`, read from `file` whose source map is `map`. Empty when valid.
    public func validate(_ dialog: Dialog, file: String, map: JSONSourceMap?) -> [Diagnostic] {
        var check = DialogCheck(dialog: dialog, catalog: catalog, reporter: DiagnosticReporter(file: file, map: map))
        check.run()
        return check.reporter.diagnostics
    }
}
