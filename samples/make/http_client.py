#!/usr/bin/env python3
# GET / from the sample HTTP server with Python's standard client (HTTP/1.1, Connection: close).
import urllib.request

port = 8080
with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
    print(response.status, response.read().decode("utf-8"), end="")
