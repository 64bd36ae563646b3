// Which store a storefront request is for: one pure function for the request layer,
// the pages and the API. It reads the host, then the path, then (for API calls from a
// path-based page) the Referer path, and always reports the same `method` for one visit.
import { isValidSlug } from "./slug";

export type AccessMethod = "domain" | "subdomain" | "path";

export type HostKind =
  | { kind: "platform" }
  | { kind: "subdomain"; slug: string }
  | { kind: "custom"; hostname: string }
  | { kind: "invalid" };

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Lower-cased host name without port or trailing dot; null when it is not a host name. */
export function hostnameOf(host: string | null | undefined): string | null {
  if (!host) return null;
  let name = host.trim().toLowerCase();
  if (name.startsWith("[")) {
    const end = name.indexOf("]");
    return end > 0 ? name.slice(0, end + 1) : null;
  }
  name = name.replace(/:\d+$/, "").replace(/\.$/, "");
  if (!/^[a-z0-9.-]+$/.test(name) || name.length > 253 || name.includes("..")) return null;
  return name;
}

/** What kind of host this is for a platform served at `platformDomain` (e.g. `localhost:3000`). */
export function classifyHost(host: string | null | undefined, platformDomain: string): HostKind {
  const name = hostnameOf(host);
  if (!name) return { kind: "invalid" };
  const platform = hostnameOf(platformDomain);
  if (
    name === platform ||
    name === `www.${platform}` ||
    name === "localhost" ||
    IPV4.test(name) ||
    name.startsWith("[")
  ) {
    return { kind: "platform" };
  }
  if (platform && name.endsWith(`.${platform}`)) {
    const label = name.slice(0, -(platform.length + 1));
    // Only one label: a.b.platform is not a store.
    if (!label.includes(".") && isValidSlug(label)) return { kind: "subdomain", slug: label };
    return { kind: "invalid" };
  }
  return { kind: "custom", hostname: name };
}

/** The slug after a prefix (`/storefront/` or `/api/v1/storefront/`), lower-cased, if it is one. */
export function slugAfter(pathname: string, prefix: string): { slug: string; raw: string } | null {
  if (!pathname.startsWith(prefix)) return null;
  const raw = pathname.slice(prefix.length).split("/")[0] ?? "";
  const slug = raw.toLowerCase();
  return isValidSlug(slug) ? { slug, raw } : null;
}

export type Resolution =
  { ok: true; method: AccessMethod; slug: string } | { ok: false; reason: "not_found" | "conflict" };

/**
 * Resolves the store of a storefront API call. `domainSlug` is the store of a verified custom
 * domain (looked up by the caller), or null when the host is no such domain.
 */
export function resolveApiStore(input: {
  host: HostKind;
  domainSlug: string | null;
  pathSlug: string | null;
  referer: string | null;
  platformDomain: string;
}): Resolution {
  const fromHost: Resolution | null =
    input.host.kind === "subdomain"
      ? { ok: true, method: "subdomain", slug: input.host.slug }
      : input.host.kind === "custom"
        ? input.domainSlug
          ? { ok: true, method: "domain", slug: input.domainSlug }
          : { ok: false, reason: "not_found" }
        : null;
  if (input.host.kind === "invalid") return { ok: false, reason: "not_found" };
  if (fromHost) {
    if (!fromHost.ok) return fromHost;
    if (input.pathSlug && input.pathSlug !== fromHost.slug) return { ok: false, reason: "conflict" };
    return fromHost;
  }
  // On the platform host: the path, then the page the call came from.
  let refererSlug: string | null = null;
  if (input.referer) {
    try {
      const url = new URL(input.referer);
      const sameHost =
        hostnameOf(url.host) !== null && classifyHost(url.host, input.platformDomain).kind === "platform";
      if (sameHost) refererSlug = slugAfter(url.pathname, "/storefront/")?.slug ?? null;
    } catch {
      refererSlug = null;
    }
  }
  if (input.pathSlug && refererSlug && input.pathSlug !== refererSlug)
    return { ok: false, reason: "conflict" };
  const slug = input.pathSlug ?? refererSlug;
  return slug ? { ok: true, method: "path", slug } : { ok: false, reason: "not_found" };
}

/** Where a storefront's pages live for this visit: `/storefront` on a store host, else with the slug. */
export function storefrontBase(method: AccessMethod, slug: string): string {
  return method === "path" ? `/storefront/${slug}` : "/storefront";
}
