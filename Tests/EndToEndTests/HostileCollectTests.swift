import Foundation
import TestSupport
import Testing

/// A city whose units publish hostile documents beside healthy ones, collected by the built binary as cron would:
/// no document may crash, hang or exhaust the run, or the runs after it.
@Suite(
    "Collecting hostile documents", .serialized,
    .enabled(
        if: Tools.has("python3") && Tools.has("pdftotext") && Tools.has("sqlite3"),
        "needs python3, pdftotext (poppler-utils) and sqlite3"))
struct HostileCollectTests {
    private let directory: URL
    private let folder: TemporaryDirectory
    private let server: LoopbackServer
    /// An intranet server the config does not name: nothing may reach it.
    private let intranet: LoopbackServer

    /// The hostile units and the failure kind each must end with.
    private static let hostileKinds: [String: String] = [
        "zipbomb": "too_large", "lyingzip": "too_large", "spans": "not_a_report",
        "cells": "not_a_report", "nesting": "not_a_report", "noise": "not_a_report", "hang": "reader_timeout",
        "crash": "reader_crashed",
    ]

    /// The hostile units whose documents come over HTTP, and the kind each must end with.
    private static let hostileTransfers: [String: String] = [
        "half": "partial_body", "reset": "reset", "redirected": "forbidden_address", "listed": "forbidden_address",
        "busy": "deferred",
    ]

    init() throws {
        folder = try TemporaryDirectory()
        directory = folder.url
        let hostile = try #require(HostileFiles.folder)
        let documents = directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: hostile.path) {
            try FileManager.default.copyItem(
                at: hostile.appendingPathComponent(name),
                to: documents.appendingPathComponent(name))
        }
        let clean = RepositoryPaths.seeds.appendingPathComponent("demo/qingyang-2024.html")
        try FileManager.default.copyItem(at: clean, to: documents.appendingPathComponent("clean.html"))
        // Two real PDFs marked for the stand-in pdftotext below: one hangs it, one crashes the worker running it.
        let pdf = try Data(contentsOf: RepositoryPaths.fixture("layout-2022.pdf", target: "ExtractionTests"))
        try (pdf + Data("%NIANBAO-HANG\n".utf8)).write(to: documents.appendingPathComponent("hang.pdf"))
        try (pdf + Data("%NIANBAO-CRASH\n".utf8)).write(to: documents.appendingPathComponent("crash.pdf"))
        let pdftotext = try #require(Tools.path(of: "pdftotext"))
        let fake = try folder.write(
            "bin/pdftotext",
            """
            #!/bin/sh
            for argument in "$@"; do
              if [ -f "$argument" ]; then
                if grep -q NIANBAO-HANG "$argument"; then sleep 60; fi
                if grep -q NIANBAO-CRASH "$argument"; then kill -SEGV $PPID; sleep 5; fi
              fi
            done
            exec \(pdftotext) "$@"

            """)
        chmod(fake.path, 0o755)
        server = try LoopbackServer(root: documents)
        intranet = try LoopbackServer(root: documents)
        try folder.write(
            "docs/list.html",
            """
            <html><body><a href="\(intranet.url("files/clean.html"))">青阳街道2024年政府信息公开工作年度报告</a></body></html>
            """)
        let files: [(String, String)] = [
            ("healthy", "docs/clean.html"), ("nul", "docs/nul-after-table.html"), ("badbyte", "docs/bad-byte.html"),
            ("zipbomb", "docs/zip-bomb.docx"), ("lyingzip", "docs/lying-zip.docx"), ("flood", "docs/stderr-flood.pdf"),
            ("spans", "docs/span-bomb.html"), ("cells", "docs/cell-flood.html"), ("nesting", "docs/deep-nesting.html"),
            ("noise", "docs/binary.html"), ("hang", "docs/hang.pdf"), ("crash", "docs/crash.pdf"),
        ]
        var units = files.map { id, path in "  - { id: \(id), name: 青阳街道, reports: { 2024: \(path) } }" }
        units.append("  - { id: half, name: 青阳街道, reports: { 2024: \"\(server.url("half/clean.html"))\" } }")
        units.append("  - { id: reset, name: 青阳街道, reports: { 2024: \"\(server.url("reset-mid-body/clean.html"))\" } }")
        units.append(
            "  - { id: redirected, name: 青阳街道, reports: { 2024: \"\(server.url("redirect-to/\(intranet.port)/files/clean.html"))\" } }"
        )
        units.append("  - { id: listed, name: 青阳街道, listing: \"\(server.url("files/list.html"))\" }")
        units.append("  - { id: busy, name: 青阳街道, reports: { 2024: \"\(server.url("status/503/100000"))\" } }")
        try folder.write(
            "nianbao.yaml",
            """
            version: 1
            city: 测试市
            database: db.sqlite
            years: { from: 2024, to: 2024 }
            fetch: { concurrency: 4, per_host: 2, delay_ms: 0, retries: 1, timeout_s: 10 }
            reading: { timeout_s: 6 }
            units:
            \(units.joined(separator: "\n"))
            """)
    }

    private func nianbao(_ arguments: String...) throws -> MeasuredRun.Result {
        let environment = [
            "PATH": directory.appendingPathComponent("bin").path + ":"
                + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        ]
        return try MeasuredRun.nianbao(
            arguments + ["--config", "nianbao.yaml"], in: directory, environment: environment)
    }

    private func sqlite(_ query: String) throws -> String {
        try SQLiteShell.run(directory.appendingPathComponent("db.sqlite"), query)
    }

    /// Each unit's outcome and failure kind in the last run.
    private func lastRun() throws -> [String: (outcome: String, kind: String)] {
        let rows = try sqlite(
            "SELECT unit_id, outcome, COALESCE(failure_kind, '') FROM run_item "
                + "WHERE run_id = (SELECT MAX(id) FROM run)")
        var items: [String: (String, String)] = [:]
        for line in rows.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            items[fields[0]] = (fields[1], fields[2])
        }
        return items
    }

    @Test func runAfterRunEndsInBoundedTimeStoresTheHealthyAndFailsTheHostileByKind() throws {
        let first = try nianbao("collect")
        #expect(first.status == 1, "\(first.stdout)\n\(first.stderr)")
        #expect(first.seconds < 90, "the first run took \(first.seconds) s")
        #expect(first.peakMegabytes < 400, "the first run's processes peaked at \(first.peakMegabytes) MB")
        let items = try lastRun()
        for unit in ["healthy", "nul", "badbyte"] {
            #expect(items[unit]?.outcome == "new", "\(unit): \(String(describing: items[unit]))")
        }
        for (unit, kind) in Self.hostileKinds.merging(Self.hostileTransfers, uniquingKeysWith: { $1 }) {
            #expect(items[unit]?.kind == kind, "\(unit): \(String(describing: items[unit]))")
        }
        // The flooding PDF has no text layer: refused outright, or by the OCR converter where OCR is installed.
        #expect(
            ["not_a_report", "converter_failed"].contains(items["flood"]?.kind), "\(String(describing: items["flood"]))"
        )
        // The damaged pages are read as the clean one: every figure, none lost after a NUL or a bad byte.
        let figures = try sqlite("SELECT unit_id, COUNT(*) FROM figure GROUP BY unit_id ORDER BY unit_id")
        #expect(figures.split(separator: "\n").sorted() == ["badbyte|203", "healthy|203", "nul|203"], "\(figures)")
        #expect(try sqlite("SELECT kind FROM quarantine ORDER BY kind") == "reader_crashed\nreader_timeout")
        // Nothing was asked of, or archived from, the intranet server.
        #expect(try intranet.requestLog().requests.isEmpty)
        let intranetOrigin = intranet.url("")
        #expect(try sqlite("SELECT COUNT(*) FROM document_version WHERE final_url LIKE '\(intranetOrigin)%'") == "0")

        // The next cron run does not trip on the archived bytes: the quarantined documents are not read again.
        let second = try nianbao("collect")
        #expect(second.seconds < 30, "the second run took \(second.seconds) s")
        #expect(second.peakMegabytes < 400)
        #expect(
            second.stderr.contains("quarantined") || second.stdout.contains("quarantined"),
            "\(second.stdout)\n\(second.stderr)")

        // Asked again regardless of back-off, every hostile unit fails again, the quarantined ones without waiting.
        let forced = try nianbao("collect", "--force")
        #expect(forced.status == 1)
        #expect(forced.seconds < 30, "the forced run took \(forced.seconds) s: quarantined documents are not read")
        #expect(forced.peakMegabytes < 400)
        let again = try lastRun()
        #expect(again["hang"]?.kind == "reader_timeout" && again["crash"]?.kind == "reader_crashed")
        #expect(
            try sqlite("SELECT message FROM run_item WHERE unit_id = 'hang' AND run_id = (SELECT MAX(id) FROM run)")
                .contains("not read: quarantined"))
        #expect(try sqlite("SELECT COUNT(*) FROM report WHERE status = 'extracted'") == "3")
    }

    @Test func reextractSkipsQuarantinedDocumentsUnlessAskedToRetryThem() throws {
        _ = try nianbao("collect")
        let reread = try nianbao("reextract")
        #expect(reread.status == 0, "\(reread.stderr)")
        #expect(reread.stdout.contains("2 quarantined skipped"), "\(reread.stdout)")
        #expect(reread.stderr.contains("hang 2024") && reread.stderr.contains("--retry-quarantined"))
        #expect(reread.seconds < 20)

        let retried = try nianbao("reextract", "--retry-quarantined")
        #expect(retried.status == 1, "the retried documents fail again")
        #expect(retried.stdout.contains("2 failed and quarantined"), "\(retried.stdout)\n\(retried.stderr)")
        #expect(retried.seconds < 30)
    }

    @Test func extractEndsWithinItsDeadlineOnEveryHostileFile() throws {
        let documents = directory.appendingPathComponent("docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: documents.path) where !name.hasPrefix("clean") {
            let result = try nianbao("extract", "docs/\(name)")  // with the config's 6-second reading limit
            #expect([0, 65].contains(result.status), "\(name): exit \(result.status) \(result.stderr)")
            #expect(result.seconds < 20, "\(name) took \(result.seconds) s")
            #expect(result.peakMegabytes < 400, "\(name) peaked at \(result.peakMegabytes) MB")
        }
    }
}
