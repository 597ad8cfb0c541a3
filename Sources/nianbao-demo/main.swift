import DemoCity
import Foundation

// nianbao-demo [ROOT]                  regenerates Seeds/demo and Config/nianbao.yaml under ROOT (default: here)
// nianbao-demo batch COUNT FOLDER      writes COUNT generated reports into FOLDER (for measuring speed)
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "batch" {
        guard arguments.count == 3, let count = Int(arguments[1]), count > 0 else {
            FileHandle.standardError.write(Data("usage: nianbao-demo batch COUNT FOLDER\n".utf8))
            exit(64)
        }
        let written = try DemoBatch.write(count: count, to: URL(fileURLWithPath: arguments[2]))
        print("wrote \(written.files.count) reports (\(written.bytes) bytes) to \(arguments[2])")
    } else {
        let root = URL(fileURLWithPath: arguments.first ?? FileManager.default.currentDirectoryPath)
        let count = try DemoWriter.write(root: root)
        print("wrote \(count) files under \(root.path)/Seeds/demo and Config/nianbao.yaml")
    }
} catch {
    FileHandle.standardError.write(Data("nianbao-demo: \(error)\n".utf8))
    exit(1)
}
