#!/usr/bin/env python3
"""A loopback HTTP server for nianbao's tests: serves report files and misbehaves on request.

Binds 127.0.0.1 on port 0 and prints the port on the first line of stdout. Every request is logged
with its arrival time, client port and the requests then in flight, as JSON lines in the log file
given as the second argument. With NIANBAO_EXIT_WITH_STDIN=1 it exits when its standard input closes,
so that a test process that dies (even by a crash) never leaves it running.
"""
import gzip
import hashlib
import json
import os
import socket
import socketserver
import struct
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
LOG_FILE = sys.argv[2] if len(sys.argv) > 2 else None
LOG = []
LOG_LOCK = threading.Lock()
COUNTERS = {}
ACTIVE = {"now": 0, "max": 0}
STARTUP = formatdate(time.time() - 86400, usegmt=True)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, body, content_type="text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def serve_file(self, name, extra=None):
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            return self.send_body(404, b"not found")
        with open(path, "rb") as handle:
            body = handle.read()
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        headers = {"ETag": etag, "Last-Modified": STARTUP}
        headers.update(extra or {})
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kind = "text/plain; charset=utf-8" if name.endswith(".txt") else "text/html"
        self.send_body(200, body, headers.get("X-Content-Type", kind), headers)

    def do_GET(self):
        with LOG_LOCK:
            entry = {"path": self.path, "time": time.time(), "port": self.client_address[1],
                     "inm": self.headers.get("If-None-Match")}
            LOG.append(entry)
            ACTIVE["now"] += 1
            ACTIVE["max"] = max(ACTIVE["max"], ACTIVE["now"])
            if LOG_FILE:
                with open(LOG_FILE, "a") as handle:
                    handle.write(json.dumps(dict(entry, active=ACTIVE["now"])) + "\n")
        try:
            self.route()
        finally:
            with LOG_LOCK:
                ACTIVE["now"] -= 1

    def route(self):
        path = self.path
        if path.startswith("http://"):  # a request to a proxy names the whole URL: served as if addressed here
            path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
        parts = path.split("?")[0].strip("/").split("/")
        head = parts[0]
        if head == "robots.txt":  # the root's robots.txt when there is one, else 404
            return self.serve_file("robots.txt")
        if head == "files":
            return self.serve_file("/".join(parts[1:]))
        if head == "slow":
            time.sleep(float(parts[1]))
            return self.serve_file("/".join(parts[2:]))
        if head == "status":
            code = int(parts[1])
            headers = {"Retry-After": parts[2]} if len(parts) > 2 else {}
            return self.send_body(code, b"status %d" % code, headers=headers)
        if head == "flaky":  # /flaky/<key>/<failures>/<file>: <failures> x 500, then the file
            key, failures = parts[1], int(parts[2])
            with LOG_LOCK:
                COUNTERS[key] = COUNTERS.get(key, 0) + 1
                count = COUNTERS[key]
            if count <= failures:
                return self.send_body(500, b"try again")
            return self.serve_file("/".join(parts[3:]))
        if head == "ratelimited":  # /ratelimited/<key>/<file>: one 429 with Retry-After: 1, then the file
            with LOG_LOCK:
                COUNTERS[parts[1]] = COUNTERS.get(parts[1], 0) + 1
                count = COUNTERS[parts[1]]
            if count == 1:
                return self.send_body(429, b"slow down", headers={"Retry-After": "1"})
            return self.serve_file("/".join(parts[2:]))
        if head == "gzip":
            with open(os.path.join(ROOT, "/".join(parts[1:])), "rb") as handle:
                body = gzip.compress(handle.read())
            return self.send_body(200, body, "text/html", {"Content-Encoding": "gzip"})
        if head == "gzipbomb":
            body = gzip.compress(b"\0" * (int(parts[1]) if len(parts) > 1 else 60_000_000))
            return self.send_body(200, body, "text/html", {"Content-Encoding": "gzip"})
        if head == "huge":
            size = int(parts[1])
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65533
            sent = 0
            try:
                while sent < size:
                    piece = chunk[: min(len(chunk), size - sent)]
                    self.wfile.write(piece)
                    sent += len(piece)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if head == "redirect-file":
            return self.send_body(302, b"", headers={"Location": "file:///etc/passwd"})
        if head == "redirect-loop":
            return self.send_body(302, b"", headers={"Location": "/redirect-loop"})
        if head == "redirect":
            return self.send_body(301, b"", headers={"Location": "/files/" + "/".join(parts[1:])})
        if head == "redirect-to":  # /redirect-to/<port or host>/<path>: to <path> on another port or host, anew
            authority = "127.0.0.1:" + parts[1] if parts[1].isdigit() else parts[1]
            location = "http://%s/%s" % (authority, "/".join(parts[2:]))
            return self.send_body(302, b"", headers={"Location": location, "Connection": "close"})
        if head == "reset":  # closed before any response
            self.connection.shutdown(2)
            self.connection.close()
            return
        if head == "truncate":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body>cut short")
            self.wfile.flush()
            self.connection.shutdown(2)
            self.connection.close()
            return
        if head == "half":  # /half/<file>: the file's Content-Length, half of its bytes, then a clean close
            with open(os.path.join(ROOT, "/".join(parts[1:])), "rb") as handle:
                body = handle.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.connection.close()
            return
        if head == "reset-mid-body":  # headers and part of the body, then a TCP reset (RST), not a close
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"x" * 5000)
            self.wfile.flush()
            time.sleep(0.2)
            # A zero linger time makes the close a reset; the socket closes only once its reader is closed too.
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.rfile.close()
            self.connection.close()
            return
        if head == "captcha":
            return self.send_body(200, "<html><body>请输入验证码后继续访问</body></html>".encode())
        if head == "gbk-wrong-label":
            with open(os.path.join(ROOT, "/".join(parts[1:])), "rb") as handle:
                body = handle.read()
            return self.send_body(200, body, "text/html; charset=utf-8")
        return self.send_body(404, b"no such test route")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    allow_reuse_address = True


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    if os.environ.get("NIANBAO_EXIT_WITH_STDIN") == "1":
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
