import Testing

@testable import Collector

@Suite("Naming archived versions by their bytes")
struct DocumentDigestTests {
    /// The test vectors of FIPS 180-2 (SHA-256 of "" and of "abc"), and a byte of every value, in lower-case hex.
    @Test func aVersionIsNamedByTheLowerCaseHexSHA256OfItsBytes() {
        #expect(CollectRun.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            CollectRun.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let name = CollectRun.sha256((0...255).map(UInt8.init))
        #expect(name.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    }
}
