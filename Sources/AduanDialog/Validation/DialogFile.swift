import AduanCore
import Foundation

/// A dialog as loaded from its file: the parsed dialog, its exact source text and its revision
/// (a fingerprint of the text). Loading checks syntax and meaning; any problem is reported as
/// ``Diagnostic``s that name the file, line and column.
public struct DialogFile: Sendable {
    /// Where it was read from.
    public var path: String
    /// The file's text, kept so that conversations started on this revision can finish on it.
    public var source: String
    /// The dialog.
    public var dialog: Dialog
    /// The revision: a fingerprint of ``source``.
    public var revision: String

    /// Reads, parses and validates the dialog at `path`.
    ///
    /// - Throws: ``DiagnosticList`` with every problem found.
    public static func load(path: String, catalog: Catalog? = nil) throws -> DialogFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticList([Diagnostic(file: path, position: nil, path: nil, context: nil,
                                             message: "cannot read the file: \(Self.reason(error))", hint: nil, severity: .error)])
        }
        return try parse(data, path: path, catalog: catalog)
    }

    /// Parses and validates a dialog from its bytes.
    ///
    /// - Parameter validate: false to skip the meaning checks (for a revision that was valid when
    ///   it was stored and must be resumed whatever the current program thinks of it).
    /// - Throws: ``DiagnosticList`` with every problem found.
    public static func parse(_ data: Data, path: String, catalog: Catalog? = nil, validate: Bool = true) throws -> DialogFile {
        let dialog: Dialog
        let map: JSONSourceMap
        do {
            (dialog, map) = try JSONFile.decode(Dialog.self, from: data, file: path)
        } catch {
            throw DiagnosticList([error])
        }
        if validate {
            let problems = DialogValidator(catalog: catalog).validate(dialog, file: path, map: map)
            if !problems.isEmpty { throw DiagnosticList(problems) }
        }
        return DialogFile(path: path, source: String(decoding: data, as: UTF8.self), dialog: dialog,
                          revision: ContentHash.hex(data))
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError { return "no such file" }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        return ns.localizedDescription
    }
}
