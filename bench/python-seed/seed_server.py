#!/usr/bin/env python3
"""A seed-style tlsquiz server: what a user would write instead of tlsquiz.

Python 3 standard library only: ``ssl`` + ``socketserver.ThreadingTCPServer`` (one thread per
client, blocking sockets), as in the original Python quiz program. It speaks the tlsquiz wire
protocol (PROTOCOL.md) for the session flow (HELLO, WELCOME, PROBLEM, ANSWER, VERDICT, SUMMARY,
PING/PONG, BYE) so that ``quiz bench`` can drive it side by side with the real server. It has no
limits, no rate control and no hardening: it is a benchmark peer, not a product.

Usage: seed_server.py --cert certs/server.pem --key certs/server.key [--host 127.0.0.1] [--port 0]
It prints ``listening on HOST:PORT`` once it accepts connections.
"""
import argparse
import random
import socket
import socketserver
import ssl
import struct
import sys
import time

VERSION = 1
HELLO, WELCOME, PROBLEM, ANSWER, VERDICT, SUMMARY, ERROR, PING, PONG, BYE = range(1, 11)
CORRECT, WRONG, TIMEOUT = 0, 1, 2
MAX_FRAME = 16 * 1024


def string(value):
    data = value.encode("utf-8")
    return struct.pack(">H", len(data)) + data


def frame(msg_type, payload=b""):
    return struct.pack(">IB", 1 + len(payload), msg_type) + payload


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, fmt):
        size = struct.calcsize(fmt)
        value = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return value[0] if len(value) == 1 else value

    def string(self):
        length = self.take(">H")
        value = self.data[self.pos:self.pos + length].decode("utf-8")
        self.pos += length
        return value


def read_exact(sock, size):
    chunks = []
    while size:
        chunk = sock.recv(size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(sock):
    (length,) = struct.unpack(">I", read_exact(sock, 4))
    if length < 1 or length > MAX_FRAME:
        raise ValueError("frame length %d" % length)
    body = read_exact(sock, length)
    return body[0], Reader(body[1:])


class QuizHandler(socketserver.BaseRequestHandler):
    def handle(self):
        opts = self.server.options
        sock = self.request
        try:
            sock.do_handshake()
            msg_type, body = read_frame(sock)
            if msg_type != HELLO:
                return
            version, name, requested = body.take(">H"), body.string(), body.take(">H")
            rounds = min(requested, opts.max_rounds) if requested else opts.rounds
            limit_ms = int(opts.time_limit * 1000)
            sock.sendall(frame(WELCOME, struct.pack(">HQHI", VERSION, random.getrandbits(64), rounds, limit_ms)
                               + string(name) + string("python-seed/1")))
            started = time.monotonic()
            correct = answered = score = asked = 0
            rng = random.Random(opts.seed) if opts.seed is not None else random.Random()
            for problem_id in range(1, rounds + 1):
                a, b = rng.randint(10, 99), rng.randint(10, 99)
                expected = str(a + b)
                sock.sendall(frame(PROBLEM, struct.pack(">IHHI", problem_id, problem_id, rounds, limit_ms)
                                   + string("%d + %d" % (a, b)) + b"\x00"))
                asked += 1
                sock.settimeout(opts.time_limit)
                try:
                    while True:
                        msg_type, body = read_frame(sock)
                        if msg_type == PING:
                            sock.sendall(frame(PONG, body.data))
                            continue
                        break
                except socket.timeout:
                    sock.sendall(frame(VERDICT, struct.pack(">IB", problem_id, TIMEOUT) + string(expected)
                                       + struct.pack(">II", 0, score)))
                    continue
                finally:
                    sock.settimeout(None)
                if msg_type == BYE:
                    break
                if msg_type != ANSWER:
                    return
                body.take(">I")
                answer = body.string().strip()
                answered += 1
                if answer == expected:
                    correct += 1
                    score += 100
                    sock.sendall(frame(VERDICT, struct.pack(">IB", problem_id, CORRECT) + string(expected)
                                       + struct.pack(">II", 100, score)))
                else:
                    sock.sendall(frame(VERDICT, struct.pack(">IB", problem_id, WRONG) + string(expected)
                                       + struct.pack(">II", 0, score)))
            duration_ms = int((time.monotonic() - started) * 1000)
            sock.sendall(frame(SUMMARY, struct.pack(">HHHIQ", correct, answered, asked, score, duration_ms)))
        except (EOFError, ConnectionError, ssl.SSLError, ValueError, struct.error, UnicodeDecodeError, OSError):
            pass


class TlsThreadingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024

    def __init__(self, address, context, options):
        super().__init__(address, QuizHandler)
        self.context, self.options = context, options

    def get_request(self):
        sock, address = self.socket.accept()
        # Without this, Nagle's algorithm holds the PROBLEM that follows each VERDICT until the
        # client's delayed ACK (~40 ms): the comparison would measure that timer, not Python.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The handshake runs in the client's own thread (handle), not in the accept loop.
        return self.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), address

    def handle_error(self, request, client_address):
        pass  # a failed handshake or a reset is ordinary for a benchmark peer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--max-rounds", type=int, default=65535)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seed", type=int)
    options = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.load_cert_chain(options.cert, options.key)
    context.set_alpn_protocols(["tlsquiz/1"])
    server = TlsThreadingServer((options.host, options.port), context, options)
    host, port = server.server_address[:2]
    print("listening on %s:%d (TLS 1.3, Python %s, thread per client)" % (host, port, sys.version.split()[0]),
          flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
