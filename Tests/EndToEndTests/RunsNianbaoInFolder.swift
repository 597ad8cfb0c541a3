import TestSupport

/// A suite that runs the built `nianbao` in a folder of its own.
protocol RunsNianbaoInFolder {
    /// The folder the binary runs in.
    var directory: TemporaryDirectory { get }
}

extension RunsNianbaoInFolder {
    /// Runs `nianbao arguments…` in the suite's folder.
    func nianbao(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory.url)
    }
}
