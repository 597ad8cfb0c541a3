import Foundation

/// The hard limits of one reader worker, set by the config's `reading` section.
public struct ReaderLimits: Sendable, Hashable {
    /// Address space a worker (and the converters it runs) may take, in MB (`reading.memory_mb`).
    public var memoryMegabytes = 384
    /// CPU seconds one document may take (`reading.cpu_s`).
    public var cpuSeconds = 60
    /// Wall-clock seconds one document may take before its worker is killed (`reading.timeout_s`).
    public var wallSeconds = 90.0
    /// Workers reading at once (`reading.workers`); by default one per core.
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    /// The default limits.
    public init() {}

    /// The arguments that hand these limits to a worker process.
    var workerArguments: [String] { ["--memory-mb", "\(memoryMegabytes)", "--cpu-s", "\(cpuSeconds)"] }
}
