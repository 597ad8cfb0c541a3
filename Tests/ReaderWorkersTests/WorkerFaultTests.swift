import Documents
import Foundation
import TestSupport
import Testing

@testable import ReaderWorkers

@Suite("Worker faults")
struct WorkerFaultTests {
    private let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    /// A stand-in worker: a shell script doing `body` instead of reading.
    private func readers(_ body: String, wallSeconds: Double = 30) throws -> DocumentReaders {
        let script = try folder.write("worker", "#!/bin/sh\n\(body)\n")
        chmod(script.path, 0o755)
        var limits = ReaderLimits()
        limits.wallSeconds = wallSeconds
        limits.workers = 1
        return DocumentReaders(.workers(executable: script.path, limits: limits))
    }

    private let request = ReadRequest(bytes: Array("<p>x</p>".utf8), contentType: nil, fileName: "a.html")

    /// Reads the request with the stand-in worker. A script just written may still be open for writing in a process
    /// another test forked at that moment, and then cannot be started (ETXTBSY, "Text file busy"): it is started
    /// again, as that process closes it when it runs its own program.
    private func read(_ readers: DocumentReaders) -> ReadOutcome {
        for _ in 0..<10 {
            let outcome = readers.read(request)
            guard case .refused(let error) = outcome, "\(error)".contains("Text file busy") else { return outcome }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return readers.read(request)
    }

    @Test func aCrashingWorkerIsACrash() throws {
        let readers = try readers("head -c 20 >/dev/null; kill -SEGV $$")
        guard case .fault(let fault) = read(readers) else {
            Issue.record("no fault")
            return
        }
        #expect(fault.kind == .readerCrashed)
        #expect(fault.detail.contains("signal 11"))
    }

    @Test func aWorkerPastItsDeadlineIsKilledWithItsChildren() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-child-\(UUID().uuidString)")
        let readers = try readers("(sleep 3; touch \(marker.path)) & sleep 60", wallSeconds: 1)
        let started = Date()
        guard case .fault(let fault) = read(readers) else {
            Issue.record("no fault")
            return
        }
        #expect(fault.kind == .readerTimeout)
        #expect(fault.detail.contains("reading.timeout_s"))
        #expect(Date().timeIntervalSince(started) < 3)
        Thread.sleep(forTimeInterval: 3)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the worker's own child was killed with it")
    }

    @Test func aWorkerThatRanOutOfMemoryIsTold() throws {
        let readers = try readers("echo 'fatal error: Could not allocate memory.' >&2; kill -ABRT $$")
        guard case .fault(let fault) = read(readers) else {
            Issue.record("no fault")
            return
        }
        #expect(fault.kind == .readerMemory)
        #expect(fault.detail.contains("reading.memory_mb"))
    }

    @Test func aWorkerPastItsCPUTimeIsATimeout() throws {
        let readers = try readers("kill -XCPU $$")
        guard case .fault(let fault) = read(readers) else {
            Issue.record("no fault")
            return
        }
        #expect(fault.kind == .readerTimeout)
        #expect(fault.detail.contains("reading.cpu_s"))
    }

    @Test func aMissingWorkerProgramIsARefusalThatSaysSo() {
        let readers = DocumentReaders(.workers(executable: "/nonexistent/nianbao", limits: ReaderLimits()))
        guard case .refused(let error) = readers.read(request) else {
            Issue.record("not refused")
            return
        }
        #expect("\(error)".contains("cannot start a reader worker"))
    }

    @Test func afterAFaultTheNextDocumentGetsANewWorker() throws {
        let count = folder.path("starts")
        let readers = try readers("echo x >> \(count.path); kill -SEGV $$")
        for _ in 0..<3 {
            guard case .fault = read(readers) else {
                Issue.record("no fault")
                return
            }
        }
        #expect(try String(contentsOf: count, encoding: .utf8).split(separator: "\n").count == 3)
    }
}
