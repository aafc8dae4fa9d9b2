#!/usr/bin/env python3
# A one-request HTTP/1.0 server on 127.0.0.1:8080 that answers every GET with a short text page.
import http.server

port = 8080
BODY = b"hello from wirelab\n"


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "wirelab-sample/1.0"
    sys_version = ""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)


server = http.server.HTTPServer(("127.0.0.1", port), Handler)
print("HTTP server on", port, flush=True)
server.handle_request()
server.server_close()
