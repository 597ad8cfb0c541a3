import Documents
import Foundation

/// Reads documents, either in worker processes under hard limits (what nianbao itself does: a document that
/// crashes, hangs or floods a reader costs that document only) or, for embedding and tests, in this process.
public final class DocumentReaders: @unchecked Sendable {
    /// Where documents are read.
    public enum Mode: Sendable {
        /// In this process, unbounded.
        case inProcess
        /// In `executable read-worker` processes, each under `limits`.
        case workers(executable: String, limits: ReaderLimits)
    }

    private let mode: Mode
    private let condition = NSCondition()
    private var idle: [ReaderWorker] = []
    private var running = 0

    /// Creates the readers; worker processes start when first needed.
    public init(_ mode: Mode) {
        self.mode = mode
        // A worker that dies while it is sent a document must not take nianbao with it.
        if case .workers = mode { signal(SIGPIPE, SIG_IGN) }
    }

    deinit { shutdown() }

    /// The running program's own file, to start workers from.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Reads one document, waiting for a free worker.
    public func read(_ request: ReadRequest) -> ReadOutcome {
        guard case .workers(let executable, let limits) = mode else { return Self.readHere(request) }
        let worker: ReaderWorker
        do {
            worker = try take(executable: executable, limits: limits)
        } catch {
            return .refused(.converterFailed("cannot start a reader worker (\(error.reason))"))
        }
        switch worker.exchange(request.encoded) {
        case .success(let answer):
            give(worker)
            do throws(CodingFault) {
                switch try DocumentCoding.decode(answer) {
                case .document(let document): return .document(document)
                case .refused(let error): return .refused(error)
                }
            } catch {
                return .fault(.crashed("answered with bytes nianbao could not decode"))
            }
        case .failure(let fault):
            drop()
            return .fault(fault)
        }
    }

    /// Reads one document on a thread outside Swift's cooperative pool (the wait for a worker blocks).
    public func read(_ request: ReadRequest) async -> ReadOutcome {
        if case .inProcess = mode { return Self.readHere(request) }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.read(request)) }
        }
    }

    /// Ends every idle worker.
    public func shutdown() {
        let workers = condition.withLock {
            defer { idle = [] }
            running -= idle.count
            return idle
        }
        for worker in workers { worker.stop() }
    }

    private static func readHere(_ request: ReadRequest) -> ReadOutcome {
        do {
            return .document(
                try DocumentReader.read(
                    request.bytes, contentType: request.contentType,
                    fileName: request.fileName))
        } catch let error as DocumentError {
            return .refused(error)
        } catch {
            return .refused(.unreadable("\(error)"))
        }
    }

    /// An idle worker, a new one while fewer than `limits.workers` run, or the next one given back.
    private func take(executable: String, limits: ReaderLimits) throws(ReaderStartFailure) -> ReaderWorker {
        condition.lock()
        while idle.isEmpty && running >= max(limits.workers, 1) { condition.wait() }
        if let worker = idle.popLast() {
            condition.unlock()
            return worker
        }
        running += 1
        condition.unlock()
        do {
            return try ReaderWorker(executable: executable, limits: limits)
        } catch {
            drop()
            throw error
        }
    }

    private func give(_ worker: ReaderWorker) {
        condition.withLock {
            idle.append(worker)
            condition.signal()
        }
    }

    /// A worker has gone: room for a new one.
    private func drop() {
        condition.withLock {
            running -= 1
            condition.signal()
        }
    }
}
