import DemoCity
import Foundation

// Regenerates the demo city under the package root given as the only argument (default: the current folder).
let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath)
do {
    let count = try DemoWriter.write(root: root)
    print("wrote \(count) files under \(root.path)/Seeds/demo and Config/nianbao.yaml")
} catch {
    FileHandle.standardError.write(Data("nianbao-demo: \(error)\n".utf8))
    exit(1)
}
