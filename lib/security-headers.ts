// The Content-Security-Policy of pages and of API answers. Pages get a fresh nonce per request
// (the proxy makes it); Next.js puts it on every script it renders, and 'strict-dynamic' lets
// those scripts load the rest of the app. Nothing without the nonce runs, and no page can be
// framed, re-based or made to post a form elsewhere.

/** Request header carrying the page's nonce from the proxy to the render. */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: unguessable, fresh for every page. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page. Styles allow inline: a store's colours are style attributes, which
 * nonces cannot cover, and CSS cannot run code. Product pictures may come from any https host.
 * The development server needs eval for React's debugging aids; a production build never does.
 */
export function pageCsp(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Any other answer: static content only, no script, no framing. */
export const BASELINE_CSP =
  "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** JSON answers are never documents: they may load nothing and be framed by nobody. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Pages opened from a one-time link (reset, verification, invitation): the link is their URL.
 * An invitation's code step keeps the link in its URL too.
 */
const ONE_TIME_LINK_PAGE = /\/(reset-password|verify-email|accept-invitation(\/mfa)?)\/?$/;

/** Such a page sends no Referer at all, so its token cannot leak even to its own origin's logs. */
export function referrerPolicyFor(pathname: string): string | null {
  return ONE_TIME_LINK_PAGE.test(pathname) ? "no-referrer" : null;
}
