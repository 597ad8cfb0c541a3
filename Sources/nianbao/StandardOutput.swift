import Foundation

/// Writes bytes to the standard output as they are: no string is made (and validated) for them, and no stdio
/// buffer copies them. A command writes its output either this way or with `print`, not both.
enum StandardOutput {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe: the reader has gone, as with print
                }
                offset += written
            }
        }
    }
}
