// Cookie-authenticated state changes must come from our own origin: a missing,
// `null`, sibling-host, cross-site or other-scheme Origin is refused. Scheme, host and port
// are compared whole with the address the request was sent to, as Orion's server saw it.
import { edgeOf } from "@/lib/net/edge";

export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const { host, proto } = edgeOf(headers);
  if (!origin || origin === "null" || !host) return false;
  try {
    return new URL(origin).origin === new URL(`${proto}://${host}`).origin;
  } catch {
    return false;
  }
}
