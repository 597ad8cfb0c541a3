import Foundation

/// Whole local files read with POSIX calls: Foundation's `Data(contentsOf:)`, its `URL` and the copy into an
/// array were 4 % of `nianbao extract` over many small files.
public enum LocalFile {
    /// The file's bytes; a missing, unreadable or non-regular file throws `DocumentError.unreadable` with the
    /// reason (the caller names the file).
    public static func bytes(atPath path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw lastError() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw lastError() }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DocumentError.unreadable("not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }  // the file shrank
            if count < 0 {
                if errno == EINTR { continue }
                throw lastError()
            }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        // The file may have grown since fstat: whatever follows is read in chunks.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16_384) { chunk in
            while true {
                let count = read(descriptor, chunk.baseAddress!, chunk.count)
                if count == 0 { return }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw lastError()
                }
                bytes.append(contentsOf: chunk.prefix(count))
            }
        }
        return bytes
    }

    /// The failed call's reason, from `errno`.
    private static func lastError() -> DocumentError {
        .unreadable(String(cString: strerror(errno)))
    }
}
