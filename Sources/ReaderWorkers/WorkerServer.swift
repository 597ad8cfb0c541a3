import Documents
import Foundation

/// The worker's side: reads documents sent on standard input and answers each on standard output, under the
/// limits it sets on itself before the first (they bind the converters it runs too).
public enum WorkerServer {
    /// Serves until standard input closes.
    public static func serve(memoryMegabytes: Int, cpuSeconds: Int) {
        var memory = rlimit(
            rlim_cur: rlim_t(memoryMegabytes) * 1_048_576, rlim_max: rlim_t(memoryMegabytes) * 1_048_576)
        setrlimit(Int32(RLIMIT_AS.rawValue), &memory)
        // No core files of a worker's crash.
        var cores = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(Int32(RLIMIT_CORE.rawValue), &cores)
        signal(SIGPIPE, SIG_IGN)
        while let frame = Frames.read(from: 0) {
            limitCPU(to: cpuSeconds)
            let answer: DocumentCoding.Answer
            do {
                let request = try ReadRequest(decoding: frame)
                answer = .document(
                    try DocumentReader.read(
                        request.bytes, contentType: request.contentType,
                        fileName: request.fileName))
            } catch let error as DocumentError {
                answer = .refused(error)
            } catch {
                answer = .refused(.unreadable("a request nianbao's worker could not decode"))
            }
            guard Frames.write(DocumentCoding.encode(answer), to: 1) else { return }
        }
    }

    /// The CPU limit counts from the document's start: the process's CPU so far plus `seconds`; past it the kernel
    /// sends SIGXCPU, which ends the worker. Only the soft limit moves, so that it can be raised for the next one.
    private static func limitCPU(to seconds: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let used = Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_CPU.rawValue), &limit)
        limit.rlim_cur = min(rlim_t(used + seconds), limit.rlim_max)
        setrlimit(Int32(RLIMIT_CPU.rawValue), &limit)
    }
}
