internal import CCurl
import Foundation
import Synchronization

/// An HTTP(S)/file client over one libcurl multi handle driven by one thread.
///
/// `fetch` hands a request to the curl thread through a locked queue and wakes it with `curl_multi_wakeup`;
/// the thread runs every transfer and resumes the caller when curl reports it done.
public final class CurlClient: @unchecked Sendable {
    private enum Command {
        case start(FetchRequest, CheckedContinuation<FetchResponse, any Error>, Int)
        case cancel(Int)
        case stop
    }

    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var commands: [Command] = []
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    /// Numbers the transfers, for cancelling one (a counter: a UUID per fetch read the system's random source).
    private let transfersStarted = Atomic<Int>(0)
    /// Why the multi handle could not be set up as asked, when it could not: every transfer then fails with it.
    private let setupProblem: String?

    /// Starts the curl thread. `maxConnections` and `maxPerHost` cap connections (0 = unlimited).
    public init(maxConnections: Int = 0, maxPerHost: Int = 0) {
        _ = CurlGlobal.ready
        guard let multi = curl_multi_init() else {
            preconditionFailure("curl_multi_init returned NULL (out of memory)")
        }
        self.multi = multi
        var problems = [
            CurlOption.problem(
                nb_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections),
                "CURLMOPT_MAX_TOTAL_CONNECTIONS"),
            CurlOption.problem(
                nb_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost),
                "CURLMOPT_MAX_HOST_CONNECTIONS"),
        ]
        // Idle connections kept for reuse: by default four per transfer under way, so a moment with one or two
        // transfers closed the others' connections and the next fetches opened them again (121 connections for
        // 2,000 fetches at concurrency 8, each a new TCP handshake with a unit's server).
        if maxConnections > 0 {
            problems.append(
                CurlOption.problem(
                    nb_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnections),
                    "CURLMOPT_MAXCONNECTS"))
        }
        setupProblem = problems.compactMap { $0 }.first
        let thread = Thread { self.run() }
        thread.name = "nianbao-curl"
        self.thread = thread
        thread.start()
    }

    deinit { curl_multi_cleanup(multi) }

    /// Fetches one URL. Throws `FetchError` for transport failures and `CancellationError` when cancelled;
    /// any HTTP status (304, 404, 500…) is a response, not an error.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let id = transfersStarted.add(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enqueue(.start(request, continuation, id))
            }
        } onCancel: {
            enqueue(.cancel(id))
        }
    }

    /// Stops the curl thread after failing any transfer still running; waits until it has stopped.
    public func shutdown() {
        enqueue(.stop)
        stopped.wait()
    }

    private func enqueue(_ command: Command) {
        lock.lock()
        commands.append(command)
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    private func takeCommands() -> [Command] {
        lock.lock()
        defer { lock.unlock() }
        let taken = commands
        commands = []
        return taken
    }

    /// A configured transfer, added to the multi handle.
    private func start(_ request: FetchRequest) throws(FetchError) -> Transfer {
        let failure = { (message: String, code: Int) in
            FetchError(kind: .other, curlCode: code, message: message, url: request.url)
        }
        if let setupProblem { throw failure(setupProblem, -1) }
        guard let transfer = Transfer(request: request) else { throw failure("curl_easy_init failed", -1) }
        try transfer.configure()
        let added = curl_multi_add_handle(multi, transfer.handle)
        if let problem = CurlOption.problem(added, "the transfer (curl_multi_add_handle)") {
            throw failure(problem, Int(added.rawValue))
        }
        return transfer
    }

    /// The curl thread: apply commands, drive transfers, hand back finished ones.
    private func run() {
        var active: [UnsafeMutableRawPointer: (Transfer, Int)] = [:]
        var running: Int32 = 0
        loop: while true {
            for command in takeCommands() {
                switch command {
                case .start(let request, let continuation, let id):
                    do throws(FetchError) {
                        let transfer = try start(request)
                        transfer.continuation = continuation
                        active[transfer.handle] = (transfer, id)
                    } catch {
                        continuation.resume(throwing: error)
                    }
                case .cancel(let id):
                    if let (handle, entry) = active.first(where: { $0.value.1 == id }) {
                        curl_multi_remove_handle(multi, handle)
                        entry.0.continuation?.resume(throwing: CancellationError())
                        active[handle] = nil
                    }
                case .stop:
                    for (handle, entry) in active {
                        curl_multi_remove_handle(multi, handle)
                        entry.0.continuation?.resume(throwing: CancellationError())
                    }
                    active = [:]
                    break loop
                }
            }
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                    let (transfer, _) = active[handle]
                else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi, handle)
                active[handle] = nil
                transfer.continuation?.resume(with: transfer.finish(code: code).mapError { $0 as any Error })
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        stopped.signal()
    }
}

/// Runs `body` with a client that is shut down afterwards, however `body` ends.
public func withCurlClient<T>(
    maxConnections: Int = 0, maxPerHost: Int = 0,
    _ body: (CurlClient) async throws -> T
) async rethrows -> T {
    let client = CurlClient(maxConnections: maxConnections, maxPerHost: maxPerHost)
    defer { client.shutdown() }
    return try await body(client)
}
