import AduanCore
import Foundation

/// Stops what a benchmark started (an IRC server) when the run is interrupted — Ctrl-C, `kill`,
/// a closed terminal — instead of leaving it running after the bench is gone; and keeps a closed
/// output pipe (`aduan-bench irc | head`) from killing the bench before it can clean up.
enum BenchInterruption {
    private static let cleanups = Locked<[Int: @Sendable () -> Void]>([:])
    private static let nextKey = Locked(0)
    private static let sources = Locked<[any DispatchSourceSignal]>([])

    /// Runs `cleanup` if the process is interrupted before the returned key is passed to
    /// ``remove(_:)``.
    static func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        installOnce()
        let key = nextKey.withLock { value -> Int in
            value += 1
            return value
        }
        cleanups.withLock { $0[key] = cleanup }
        return key
    }

    /// The cleanup is no longer needed (done the normal way).
    static func remove(_ key: Int) {
        cleanups.withLock { _ = $0.removeValue(forKey: key) }
    }

    private static func installOnce() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            // Writing to a closed pipe then fails with EPIPE instead of killing the process.
            signal(SIGPIPE, SIG_IGN)
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let pending = cleanups.withLock { all in
                        defer { all = [:] }
                        return Array(all.values)
                    }
                    FileHandle.standardError.write(Data("aduan-bench: interrupted; stopping what it started\n".utf8))
                    for cleanup in pending { cleanup() }
                    exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
