// Orion's HTTP server: Next.js behind a thin front that decides, once per request, who sent
// it and to which address (the socket's peer, unless it is a trusted proxy: lib/net), so no
// header a client writes is ever taken for its address, host or scheme. It also answers
// TRACE, TRACK and CONNECT with 405 before Next sees them. `npm start`, `npm run dev`,
// `npm run serve` and the tests all serve through it.
import { randomBytes } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import next from "next";
import { loadConfig } from "../lib/config";
import { EDGE_HEADERS, EDGE_SECRET_ENV, OWN_HEADER_PREFIX } from "../lib/net/edge";
import { forwardedFrom, normalizeIp, parseTrustedProxies } from "../lib/net/forwarded";
import { BEFORE_EXIT, processSlot } from "../lib/process-global";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// An unusable configuration stops the server here, before it listens.
function configured(): ReturnType<typeof loadConfig> {
  try {
    return loadConfig();
  } catch (error) {
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const config = configured();
const proxies = parseTrustedProxies(config.trustedProxies);
const secret = (process.env[EDGE_SECRET_ENV] ||= randomBytes(32).toString("base64url"));

// Set by the request layer (proxy.ts) on a rewrite that Next sends back to this server.
const REWRITE_MARK = "x-orion-rewritten";
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const REFUSAL = JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED", message: "Method not allowed" } });

function isLoopback(ip: string | null): boolean {
  return ip !== null && (ip === "::1" || ip.startsWith("127."));
}

/** Our own rewrite coming back over loopback: already stamped by its first pass. */
function ownPass(req: IncomingMessage, peer: string | null): boolean {
  const mark = req.headers[REWRITE_MARK];
  return isLoopback(peer) && typeof mark === "string" && mark.startsWith(`${secret} `);
}

function stamp(req: IncomingMessage, peer: string | undefined): void {
  const seen = forwardedFrom(peer, req.headers, proxies);
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith(OWN_HEADER_PREFIX)) delete req.headers[name];
  }
  // What Next reads for itself says the same as what Orion reads.
  delete req.headers["forwarded"];
  delete req.headers["x-real-ip"];
  delete req.headers["x-forwarded-port"];
  if (seen.ip) req.headers["x-forwarded-for"] = seen.ip;
  else delete req.headers["x-forwarded-for"];
  if (seen.host) req.headers["x-forwarded-host"] = seen.host;
  else delete req.headers["x-forwarded-host"];
  req.headers["x-forwarded-proto"] = seen.proto;
  req.headers[EDGE_HEADERS.secret] = secret;
  if (seen.ip) req.headers[EDGE_HEADERS.ip] = seen.ip;
  if (seen.host) req.headers[EDGE_HEADERS.host] = seen.host;
  req.headers[EDGE_HEADERS.proto] = seen.proto;
}

function methodNotAllowed(res: ServerResponse): void {
  const body = REFUSAL;
  res.writeHead(405, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Allow: ALLOWED,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

async function main(): Promise<void> {
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) return methodNotAllowed(res);
    const peer = req.socket.remoteAddress;
    if (!ownPass(req, normalizeIp(peer))) stamp(req, peer);
    void handle(req, res);
  });
  // Node's parser turns away methods it does not know (TRACK among them) before any handler:
  // those get the same 405, any other unreadable request a bare 400.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === "HPE_INVALID_METHOD") {
      socket.end(
        `HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json; charset=utf-8\r\nAllow: ${ALLOWED}\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(REFUSAL)}\r\nConnection: close\r\n\r\n${REFUSAL}`,
      );
      return;
    }
    socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  });
  // CONNECT never reaches the request handler: refuse it on the socket.
  server.on("connect", (_req, socket) => {
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
  server.listen(port, () => {
    console.log(`Ready on http://localhost:${port} (${dev ? "development" : "production build"})`);
  });
  // Stops taking requests, lets the mail worker finish the delivery under way (a mail it
  // cannot finish stays queued for another instance), then exits.
  const stop = () => {
    const beforeExit = processSlot<() => Promise<void>>(BEFORE_EXIT).get();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    void Promise.allSettled([stopped, beforeExit?.()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
