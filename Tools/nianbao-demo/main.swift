import DemoCity
import Foundation

// nianbao-demo [ROOT]                  regenerates Seeds/demo and Config/nianbao.yaml under ROOT (default: here)
// nianbao-demo batch COUNT FOLDER [--compact]
//                                      writes COUNT generated reports into FOLDER (for measuring speed), laid out
//                                      as portals publish them, or as the demo city's compact pages
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "batch" {
        let compact = arguments.count == 4 && arguments[3] == "--compact"
        guard arguments.count == 3 || compact, let count = Int(arguments[1]), count > 0 else {
            FileHandle.standardError.write(Data("usage: nianbao-demo batch COUNT FOLDER [--compact]\n".utf8))
            exit(64)
        }
        let written = try DemoBatch.write(count: count, compact: compact, to: URL(fileURLWithPath: arguments[2]))
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
