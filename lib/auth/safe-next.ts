// `?next=` targets: a relative path inside the area it was asked for, or nothing.

/** Returns `next` when it is a same-origin path under `prefix`, otherwise null. */
export function safeNext(next: string | null | undefined, prefix: string): string | null {
  if (!next || next.length > 2048) return null;
  // Only a single leading slash: "//host" and "/\host" are protocol-relative in browsers.
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, "http://orion.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://orion.invalid") return null;
  const path = url.pathname;
  if (path !== prefix && !path.startsWith(prefix + "/")) return null;
  return path + url.search + url.hash;
}

export function loginRedirectUrl(loginPath: string, next: string | null): string {
  return next ? `${loginPath}?next=${encodeURIComponent(next)}` : loginPath;
}
