// Social sign-in from a storefront, in four steps (README › Social sign-in):
//  1. the shop's own host: a nonce cookie for this browser and a signed ticket → platform host;
//  2. the platform host: next-auth's sign-in (state, PKCE, nonce) → the provider;
//  3. the provider calls back on the platform host: the identity is linked to a customer of the
//     ticket's store and a one-time code is minted for the ticket's host → back to the shop;
//  4. the shop's own host: the code and the nonce cookie are spent and the customer session
//     is opened by the same functions as a password login, cookie host-only with the shop's Path.
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth/next";
import type { Store } from "@/db/schema";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { recordAuthEvent } from "@/lib/audit";
import { config } from "@/lib/config";
import type { RequestContext } from "@/lib/http";
import { edgeOf } from "@/lib/net/edge";
import { recognizeHost } from "@/lib/tenancy/host";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { type AccessMethod, storefrontBase } from "@/lib/tenancy/resolve";
import { AREAS } from "../areas";
import { accessMethodOf } from "../guards";
import type { CookieSpec } from "../cookies";
import { safeNext } from "../safe-next";
import { mintHandoff } from "./handoff";
import { SocialRefusal, customerForIdentity, issuerOf } from "./link";
import { type OidcClaims, AUTH_BASE_PATH, csrfPair, nextAuthCookies, nextAuthOptions } from "./next-auth";
import { type SignInProvider, providerOfStore } from "./providers";
import { type SignInTicket, TICKET_SECONDS, hashNonce, signTicket, verifyTicket } from "./ticket";

/** The browser's half of the hand-off, on the shop's own host: only it can spend the code. */
export const NONCE_COOKIE = "customer_social";

export type FailureReason = "provider" | "expired" | "unavailable" | "refused" | "taken" | "no_email";

/** Social sign-in's own pages on the platform host (outside the JSON API under /api). */
const SOCIAL_PAGES = "/auth/social";

function failedUrl(reason: FailureReason, ticket?: string | null): string {
  const back = ticket ? `&ticket=${encodeURIComponent(ticket)}` : "";
  return `${config().publicUrl}${SOCIAL_PAGES}/failed?reason=${reason}${back}`;
}

function nonceCookie(
  scope: { slug: string; method: AccessMethod },
  value: string,
  maxAge: number,
): CookieSpec {
  return {
    name: NONCE_COOKIE,
    value,
    path: AREAS.customer.cookiePath(scope),
    httpOnly: true,
    sameSite: "lax",
    secure: config().isProduction,
    maxAge,
  };
}

/** The shopper's host, if it is this shop's own for the way it was reached (else null). */
export async function shopHostOf(hdrs: Headers, slug: string): Promise<string | null> {
  const method = accessMethodOf(hdrs);
  const host = edgeOf(hdrs).host?.toLowerCase() ?? "";
  const known = await recognizeHost(host);
  const isTheShops =
    method === "path" ? known.kind === "platform" : known.kind === "store" && known.slug === slug;
  return isTheShops ? host : null;
}

/** Step 1, on the shop's host: where to send the browser, and the cookie that goes with it. */
export async function startOnShop(input: {
  store: Store;
  method: AccessMethod;
  host: string;
  provider: SignInProvider;
  next: string | null;
  /** Set when a signed-in customer connects the provider (Sign-in methods). */
  linkCustomerId?: string;
}): Promise<{ location: string; cookie: CookieSpec }> {
  const nonce = randomBytes(32).toString("base64url");
  const base = storefrontBase(input.method, input.store.slug);
  const ticket = await signTicket({
    store_id: input.store.id,
    slug: input.store.slug,
    method: input.method,
    host: input.host,
    provider: input.provider.id,
    next: safeNext(input.next, base) ?? null,
    nonce: hashNonce(nonce),
    link_customer_id: input.linkCustomerId ?? null,
  });
  return {
    location: `${config().publicUrl}${SOCIAL_PAGES}/start?ticket=${encodeURIComponent(ticket)}`,
    cookie: nonceCookie({ slug: input.store.slug, method: input.method }, nonce, TICKET_SECONDS),
  };
}

export function clearedNonceCookie(scope: { slug: string; method: AccessMethod }): CookieSpec {
  return nonceCookie(scope, "", 0);
}

/** The ticket and its store and provider, if all three still hold. */
async function liveTicket(
  token: string | null | undefined,
): Promise<
  | { error: FailureReason }
  | { error?: undefined; ticket: SignInTicket; store: Store; provider: SignInProvider }
> {
  const ticket = await verifyTicket(token);
  if (!ticket) return { error: "expired" };
  const store = await storeBySlug(ticket.slug);
  if (!store || store.id !== ticket.store_id || store.status !== "active") return { error: "unavailable" };
  const provider = await providerOfStore(store, ticket.provider);
  if (!provider) return { error: "unavailable" };
  return { ticket, store, provider };
}

function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/** Step 2, on the platform host: next-auth's sign-in for the ticket's provider. */
export async function startAtProvider(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("ticket");
  const live = await liveTicket(token);
  if (live.error) return redirectTo(failedUrl(live.error, live.error === "expired" ? null : token));
  const { provider } = live;
  // next-auth starts a sign-in only from a POST carrying its CSRF token: this is that POST,
  // made here, since the shopper's click happened on another host.
  const csrf = csrfPair();
  (await cookies()).set(
    nextAuthCookies().csrfToken.name,
    csrf.cookieValue,
    nextAuthCookies().csrfToken.options,
  );
  const callbackUrl = failedUrl("provider", token);
  const signInRequest = new NextRequest(`${config().publicUrl}${AUTH_BASE_PATH}/signin/${provider.id}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.token, callbackUrl }).toString(),
  });
  const options = nextAuthOptions([provider], async () => failedUrl("refused"));
  return NextAuth(signInRequest, { params: Promise.resolve({ nextauth: ["signin", provider.id] }) }, options);
}

/** The ticket that came back with next-auth's callback URL cookie. */
function ticketOfCallbackCookie(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).searchParams.get("ticket");
  } catch {
    return null;
  }
}

function claimsOf(
  profile: OidcClaims | undefined,
  fallbackEmail: string | null | undefined,
  kind: SignInProvider["kind"],
) {
  const subject = String(profile?.sub ?? profile?.id ?? "");
  const [first = "", ...rest] = (profile?.name ?? profile?.login ?? "").trim().split(/\s+/);
  return {
    subject,
    email: profile?.email ?? fallbackEmail ?? null,
    // GitHub's API does not say whether the address it gives is verified: treated as not.
    emailVerified:
      kind !== "github" && (profile?.email_verified === true || profile?.email_verified === "true"),
    firstName: profile?.given_name ?? first,
    lastName: profile?.family_name ?? rest.join(" "),
  };
}

const REFUSALS: Record<SocialRefusal["reason"], FailureReason> = {
  no_email: "no_email",
  unverified_email_taken: "taken",
  inactive: "refused",
  store_unavailable: "unavailable",
};

/** Step 3, on the platform host: next-auth's callback (and its error route), then the hand-off. */
export async function handleNextAuth(
  request: NextRequest,
  context: { params: Promise<{ nextauth: string[] }> },
  ctx: RequestContext,
): Promise<Response> {
  const [action = "", providerId = ""] = (await context.params).nextauth ?? [];
  const callbackCookie = request.cookies.get(nextAuthCookies().callbackUrl.name)?.value;
  const token = ticketOfCallbackCookie(callbackCookie);
  // Only the provider's callback is open, and next-auth's own redirects after a failure
  // (error, sign-in page) lead to Orion's page; sign-in starts at /auth/social/start, and
  // there is no next-auth session, CSRF or provider list.
  if (action === "error" || action === "signin") return redirectTo(failedUrl("provider", token));
  if (action !== "callback")
    return errorResponse(new ApiError("NOT_FOUND", { message: "No such API endpoint" }));
  const live = await liveTicket(token);
  if (live.error) return redirectTo(failedUrl(live.error, live.error === "expired" ? null : token));
  const { ticket, store, provider } = live;
  // The provider that calls back must be the one the ticket was made for (a store's own
  // client answers for its store only).
  if (provider.id !== providerId) return redirectTo(failedUrl("refused", token));
  const signIn: NonNullable<NonNullable<AuthOptions["callbacks"]>["signIn"]> = async ({
    account,
    profile,
    user,
  }) => {
    if (!account || account.provider !== provider.id) return failedUrl("refused", token);
    const claims = claimsOf(profile as OidcClaims | undefined, user?.email, provider.kind);
    if (!claims.subject) return failedUrl("provider", token);
    // Connecting: nothing is linked here. The identity travels in the one-time code to the
    // shop's host, where the browser that started (its nonce cookie) and the customer signed
    // in there must both match before it is linked (lib/auth/social/methods).
    if (ticket.link_customer_id) {
      const identity = { issuer: issuerOf(provider), subject: claims.subject, email: claims.email };
      const code = await mintHandoff(
        ticket,
        { id: ticket.link_customer_id, email: claims.email ?? "" },
        "social_link",
        identity,
      );
      return connectedUrl(ticket, code);
    }
    try {
      const customer = await customerForIdentity(store, provider, claims, ctx);
      const code = await mintHandoff(ticket, customer);
      return finishUrl(ticket, code);
    } catch (error) {
      if (!(error instanceof SocialRefusal)) throw error;
      await recordAuthEvent(
        "social_sign_in_refused",
        { area: "customer", storeId: store.id, details: { provider: provider.key, reason: error.reason } },
        ctx,
      );
      return failedUrl(REFUSALS[error.reason], token);
    }
  };
  return NextAuth(request, context, nextAuthOptions([provider], signIn));
}

function connectedUrl(ticket: SignInTicket, code: string): string {
  const scheme = new URL(config().publicUrl).protocol;
  const base = storefrontBase(ticket.method, ticket.slug);
  return `${scheme}//${ticket.host}${base}/account/sign-in-methods/connected?code=${encodeURIComponent(code)}`;
}

function finishUrl(ticket: SignInTicket, code: string): string {
  const scheme = new URL(config().publicUrl).protocol;
  const base = storefrontBase(ticket.method, ticket.slug);
  return `${scheme}//${ticket.host}${base}/account/login/social/finish?code=${encodeURIComponent(code)}`;
}

/** Where the failure page's "back" link leads: the shop's sign-in page, if the ticket says. */
export async function shopLoginOf(ticketParam: string | null) {
  const ticket = await verifyTicket(ticketParam);
  if (!ticket) return null;
  const scheme = new URL(config().publicUrl).protocol;
  const store = await storeBySlug(ticket.slug);
  return {
    storeName: store?.name ?? null,
    url: `${scheme}//${ticket.host}${AREAS.customer.loginPath({ slug: ticket.slug, method: ticket.method })}`,
  };
}
