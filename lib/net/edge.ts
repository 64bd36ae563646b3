// What Orion's own server in front of Next (scripts/server.ts) tells the app about a request:
// the client's address, the host and the scheme it was sent to, worked out once from the
// socket and TRUSTED_PROXIES. The app believes these headers only with the process's secret
// beside them, so a client can never supply them, even to a bare `next start`.
import { normalizeIp } from "./forwarded";

export const EDGE_HEADERS = {
  secret: "x-orion-edge",
  ip: "x-orion-client-ip",
  host: "x-orion-host",
  proto: "x-orion-proto",
} as const;

/** Every request header of ours starts so; the server drops the client's copies of them all. */
export const OWN_HEADER_PREFIX = "x-orion-";

/** Environment variable that hands the secret from the server to the app in the same process. */
export const EDGE_SECRET_ENV = "ORION_EDGE_SECRET";

export type Edge = { ip: string | null; host: string | null; proto: "http" | "https" };

/** The request as the server saw it; without the server's stamp, only the Host header, no address. */
export function edgeOf(headers: Headers): Edge {
  const secret = process.env[EDGE_SECRET_ENV];
  if (secret && headers.get(EDGE_HEADERS.secret) === secret) {
    return {
      ip: normalizeIp(headers.get(EDGE_HEADERS.ip)),
      host: headers.get(EDGE_HEADERS.host),
      proto: headers.get(EDGE_HEADERS.proto) === "https" ? "https" : "http",
    };
  }
  return { ip: null, host: headers.get("host"), proto: "http" };
}
