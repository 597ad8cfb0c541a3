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

    /// Starts the curl thread. `maxConnections` and `maxPerHost` cap connections (0 = unlimited).
    public init(maxConnections: Int = 0, maxPerHost: Int = 0) {
        _ = CurlGlobal.ready
        guard let multi = curl_multi_init() else { preconditionFailure("curl_multi_init returned NULL (out of memory)") }
        self.multi = multi
        _ = nb_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        _ = nb_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
        // Idle connections kept for reuse: by default four per transfer under way, so a moment with one or two
        // transfers closed the others' connections and the next fetches opened them again (121 connections for
        // 2,000 fetches at concurrency 8, each a new TCP handshake with a unit's server).
        if maxConnections > 0 { _ = nb_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnections) }
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

    /// The curl thread: apply commands, drive transfers, hand back finished ones.
    private func run() {
        var active: [UnsafeMutableRawPointer: (Transfer, Int)] = [:]
        var running: Int32 = 0
        loop: while true {
            for command in takeCommands() {
                switch command {
                case .start(let request, let continuation, let id):
                    guard let transfer = Transfer(request: request) else {
                        continuation.resume(throwing: FetchError(kind: .other, curlCode: -1,
                                                                 message: "curl_easy_init failed", url: request.url))
                        continue
                    }
                    transfer.configure()
                    transfer.continuation = continuation
                    active[transfer.handle] = (transfer, id)
                    curl_multi_add_handle(multi, transfer.handle)
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
                      let (transfer, _) = active[handle] else { continue }
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
public func withCurlClient<T>(maxConnections: Int = 0, maxPerHost: Int = 0,
                              _ body: (CurlClient) async throws -> T) async rethrows -> T {
    let client = CurlClient(maxConnections: maxConnections, maxPerHost: maxPerHost)
    defer { client.shutdown() }
    return try await body(client)
}
