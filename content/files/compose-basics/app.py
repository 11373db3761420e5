"""A web page that counts its visits in Redis, for Dockside's Compose lesson.

Standard library only: http.server answers HTTP, and redis() speaks the Redis protocol (RESP) over a
socket, enough for the two commands this app sends, PING and INCR.
"""

import os
import socket
from http.server import BaseHTTPRequestHandler, HTTPServer

REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
GREETING = os.environ.get("GREETING", "Hello")


def redis(*args):
    """Sends one command to Redis and returns its simple reply: +OK as "OK", :42 as 42."""
    request = f"*{len(args)}\r\n" + "".join(f"${len(a.encode())}\r\n{a}\r\n" for a in args)
    with socket.create_connection((REDIS_HOST, 6379), timeout=2) as conn:
        conn.sendall(request.encode())
        reply = conn.makefile("rb").readline().decode().rstrip("\r\n")
    if reply.startswith(":"):
        return int(reply[1:])
    if reply.startswith("+"):
        return reply[1:]
    raise OSError(f"Redis answered {reply!r}")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            if self.path == "/health":
                status, body = 200, redis("PING")
            elif self.path == "/":
                visits = redis("INCR", "visits")
                print(f"visit {visits}", flush=True)
                status, body = 200, f"{GREETING}! Visits: {visits}"
            else:
                status, body = 404, "Not found"
        except OSError as error:
            status, body = 503, f"Redis at {REDIS_HOST} is not available: {error}"
        data = (body + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass  # no line per request: health checks would fill the log


print(f"Listening on port 8000, Redis at {REDIS_HOST}", flush=True)
HTTPServer(("", 8000), Handler).serve_forever()
