// Who a request is from and which address it was sent to. The socket's peer is the client,
// unless that peer is a proxy the operator listed in TRUSTED_PROXIES: only then are its
// X-Forwarded-For/-Host/-Proto believed. Pure, so the server in front of Next and the tests
// share it.
import { BlockList, isIP, isIPv4 } from "node:net";

export type Forwarded = { ip: string | null; host: string | null; proto: "http" | "https" };

/** One spelling per address: an IPv4 client of a dual-stack socket (::ffff:a.b.c.d) as IPv4. */
export function normalizeIp(raw: string | null | undefined): string | null {
  const ip = raw?.trim();
  if (!ip || !isIP(ip)) return null; // only an address is recorded, never free text
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  return mapped && isIPv4(mapped) ? mapped : ip.toLowerCase();
}

const LOOPBACK = ["127.0.0.0/8", "::1/128"];

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges, comma-separated; `loopback` stands for
 * 127.0.0.0/8 and ::1. Throws on an entry that is neither, so a typo fails at start.
 */
export function parseTrustedProxies(spec: string | undefined): BlockList {
  const list = new BlockList();
  const entries = (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((entry) => (entry.toLowerCase() === "loopback" ? LOOPBACK : [entry]));
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
    }
    list.addSubnet(address!, prefix, type);
  }
  return list;
}

function trusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIPv4(ip) ? "ipv4" : "ipv6");
}

/** The first value of a comma-separated forwarding header, trimmed. */
function first(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  const head = text?.split(",")[0]?.trim();
  return head ? head : null;
}

/**
 * The client, host and scheme of a request that reached us from `peer`. From an untrusted
 * peer the forwarding headers are ignored whole. From a trusted one, X-Forwarded-For is read
 * from the right: each trusted hop is skipped, and the first address not in the list is the
 * client (a malformed entry stops the walk at the trusted hop next to it).
 */
export function forwardedFrom(
  peer: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  proxies: BlockList,
): Forwarded {
  const socketIp = normalizeIp(peer);
  const host = first(headers.host);
  if (!socketIp || !trusted(proxies, socketIp)) return { ip: socketIp, host, proto: "http" };
  const chain = (
    Array.isArray(headers["x-forwarded-for"])
      ? headers["x-forwarded-for"].join(",")
      : (headers["x-forwarded-for"] ?? "")
  )
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let client = socketIp;
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!trusted(proxies, client)) break;
    const hop = normalizeIp(chain[i]);
    if (!hop) break;
    client = hop;
  }
  const proto = first(headers["x-forwarded-proto"])?.toLowerCase() === "https" ? "https" : "http";
  return { ip: client, host: first(headers["x-forwarded-host"]) ?? host, proto };
}

/**
 * The key a per-IP budget counts on: an IPv4 address, or the /64 of an IPv6 one (one
 * subscriber usually holds a whole /64, so each of its addresses is not a new client).
 */
export function budgetKeyOfIp(ip: string): string {
  if (isIPv4(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  // A trailing dotted IPv4 part (64:ff9b::192.0.2.1) fills two groups.
  const right = (tail ? tail.split(":") : []).flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const groups = ip.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}
