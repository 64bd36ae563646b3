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
import { OUTAGE_PAGE_HEADERS, OUTAGE_PAGE_HTML } from "../lib/outage-page";
import { appHooks } from "../lib/process-global";

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

// Hooks the app sets up in instrumentation.ts: whether the database is away just now, and
// what to stop before the process exits (the mail worker, then the pools).
const hooks = appHooks();

/**
 * A page that failed (500) while the database is away answers the "temporarily unavailable"
 * page with 503 instead: the request layer catches what it looks up itself, this catches what
 * a page's own queries ran into. The answer is held back only until its status is known.
 */
function outagePages(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? "/";
  if (
    (req.method !== "GET" && req.method !== "HEAD") ||
    path.startsWith("/api/") ||
    path.startsWith("/_next/")
  )
    return;
  // The wrappers stay in place (Next wraps these methods too, around ours); they only pass on
  // once the status is known not to be a 500.
  const original = { write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const write = original.write as (this: ServerResponse, ...args: unknown[]) => boolean;
  const end = original.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  let holding: boolean | null = null;
  const held: Array<string | Uint8Array> = [];
  const hold = (): boolean => (holding ??= res.statusCode === 500);
  // Next's compression sends the head from inside its own write: held too, until settled.
  const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  let head: unknown[] | null = null;
  res.writeHead = function (...args: unknown[]) {
    if (holding === null && args[0] === 500) holding = true;
    if (!holding) return writeHead.apply(res, args);
    head = args;
    return res;
  } as ServerResponse["writeHead"];
  const settle = async () => {
    holding = false;
    const away = (await hooks.databaseAway?.().catch(() => true)) ?? false;
    if (!away) {
      if (head) writeHead.apply(res, head);
      for (const chunk of held) write.call(res, chunk);
      end.call(res);
      return;
    }
    for (const name of res.getHeaderNames()) {
      if (name !== "content-security-policy" && !name.startsWith("x-")) res.removeHeader(name);
    }
    writeHead.call(res, 503, {
      ...OUTAGE_PAGE_HEADERS,
      "Content-Length": Buffer.byteLength(OUTAGE_PAGE_HTML),
    });
    end.call(res, req.method === "HEAD" ? undefined : OUTAGE_PAGE_HTML);
  };
  res.flushHeaders = function flushHeaders() {
    if (!hold()) original.flushHeaders.call(res);
  };
  res.write = function (chunk: unknown, ...rest: unknown[]) {
    if (!hold()) return write.call(res, chunk, ...rest);
    if (typeof chunk === "string" || chunk instanceof Uint8Array) held.push(chunk);
    return true;
  } as ServerResponse["write"];
  res.end = function (chunk?: unknown, ...rest: unknown[]) {
    if (!hold()) return end.call(res, chunk, ...rest);
    if (typeof chunk === "string" || chunk instanceof Uint8Array) held.push(chunk);
    void settle();
    return res;
  } as ServerResponse["end"];
}

// How long a stopping server lets the requests under way finish before it cuts them.
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  let stopping = false;
  const server = createServer((req, res) => {
    if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) return methodNotAllowed(res);
    // A stopping server finishes this request and closes the connection after it.
    if (stopping) res.setHeader("Connection", "close");
    const peer = req.socket.remoteAddress;
    if (!ownPass(req, normalizeIp(peer))) stamp(req, peer);
    outagePages(req, res);
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
  // SIGTERM: no new connections; the requests under way finish (for up to DRAIN_MS, then
  // they are cut); the mail worker finishes the delivery under way or puts it back; the
  // pools close; exit 0. A second signal, or a stop that itself hangs, exits at once.
  const stop = () => {
    if (stopping) process.exit(0);
    stopping = true;
    console.log("Stopping: finishing the requests under way");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections close as soon as they are idle, now or after their request.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    setTimeout(() => process.exit(0), DRAIN_MS + 5000).unref();
    void closed
      .then(() => {
        clearInterval(idle);
        clearTimeout(cut);
        return hooks.beforeExit?.();
      })
      .catch((error: unknown) => console.error(error instanceof Error ? error.message : error))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
