"""A tiny web app: answers every request with the greeting in the GREETING environment variable."""
import os
from http.server import BaseHTTPRequestHandler, HTTPServer

GREETING = os.environ.get("GREETING", "Hello")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"{GREETING}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


print("Listening on port 8000", flush=True)
HTTPServer(("", 8000), Handler).serve_forever()
