#!/usr/bin/env python3
# The HTTP/1.1 server of http-pipelining.pcap: serves one connection on 127.0.0.1:PORT (8000 by default),
# answering every request of it in order: HEAD and GET of a small HTML page (Content-Length), and
# /chunked as a text page sent in three chunks (Transfer-Encoding: chunked).
import http.server
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
PAGE = b"<html>\n<body>\n<p>pipelined answer</p>\n</body>\n</html>\n"
CHUNKS = [b"first line of the chunked page\n", b"second line, \xc3\xa9t\xc3\xa9 in UTF-8\n", b"last line\n"]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "wirelab-sample/1.0"
    sys_version = ""

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()

    def do_GET(self):
        if self.path.startswith("/chunked"):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in CHUNKS:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.do_HEAD()
        self.wfile.write(PAGE)


server = http.server.HTTPServer(("127.0.0.1", port), Handler)
print("HTTP server on", port, flush=True)
server.handle_request()
server.server_close()
