// next-auth as an OAuth/OIDC client and nothing else (README › Social sign-in): no adapter, no session of its
// own. Its signIn callback answers with a URL, so next-auth redirects there instead of making
// a session; Orion's own customer session is opened on the shopper's host afterwards. Its
// cookies (state, PKCE, nonce, callback URL, CSRF) have names of their own and live under
// /api/auth on the platform host, where no Orion cookie does.
import "server-only";
import { createHash, hkdfSync, randomBytes } from "node:crypto";
import type { AuthOptions, CookiesOptions, Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import type { SignInProvider } from "./providers";

export const AUTH_BASE_PATH = "/api/auth";

/** next-auth's secret: derived from the signing secret, so nothing more has to be configured. */
function nextAuthSecret(): string {
  return Buffer.from(
    hkdfSync("sha256", config().jwtSecrets.current, "orion", "next-auth-secret", 32),
  ).toString("base64url");
}

const cookie = (name: string, maxAge?: number) => ({
  name: `orion_oauth_${name}`,
  options: {
    httpOnly: true,
    sameSite: "lax" as const,
    path: AUTH_BASE_PATH,
    secure: config().isProduction,
    ...(maxAge ? { maxAge } : {}),
  },
});

export function nextAuthCookies(): CookiesOptions {
  return {
    sessionToken: cookie("session"),
    callbackUrl: cookie("callback_url", 15 * 60),
    csrfToken: cookie("csrf", 15 * 60),
    pkceCodeVerifier: cookie("pkce", 15 * 60),
    state: cookie("state", 15 * 60),
    nonce: cookie("nonce", 15 * 60),
  };
}

/** A CSRF cookie and its token in next-auth's own double-submit form (`token|sha256(token+secret)`). */
export function csrfPair(): { token: string; cookieValue: string } {
  const token = randomBytes(32).toString("hex");
  const hash = createHash("sha256").update(`${token}${nextAuthSecret()}`).digest("hex");
  return { token, cookieValue: `${token}|${hash}` };
}

export type OidcClaims = Profile & {
  sub?: string;
  id?: number | string;
  email?: string;
  email_verified?: boolean | string;
  given_name?: string;
  family_name?: string;
  name?: string;
  login?: string;
};

function nextAuthProvider(p: SignInProvider): OAuthConfig<OidcClaims> {
  if (p.kind === "google") {
    return GoogleProvider({ clientId: p.clientId, clientSecret: p.clientSecret }) as OAuthConfig<OidcClaims>;
  }
  if (p.kind === "github") {
    return GitHubProvider({
      clientId: p.clientId,
      clientSecret: p.clientSecret,
    }) as unknown as OAuthConfig<OidcClaims>;
  }
  return {
    id: p.id,
    name: p.name,
    type: "oauth",
    wellKnown: `${p.issuer}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    // A provider that does not answer in time is a clear error page, not a hanging request.
    httpOptions: { timeout: 5000 },
    profile: (profile) => ({
      id: String(profile.sub),
      email: profile.email ?? null,
      name: profile.name ?? null,
    }),
  };
}

export function nextAuthOptions(
  providers: SignInProvider[],
  signIn: NonNullable<NonNullable<AuthOptions["callbacks"]>["signIn"]>,
): AuthOptions {
  // next-auth reads its public address from here; it is always the platform's, never a request's.
  process.env.NEXTAUTH_URL = `${config().publicUrl}${AUTH_BASE_PATH}`;
  return {
    secret: nextAuthSecret(),
    providers: providers.map(nextAuthProvider),
    cookies: nextAuthCookies(),
    useSecureCookies: config().isProduction,
    callbacks: { signIn },
    logger: {
      error: (code, metadata) =>
        log.warn(
          { code, kind: "social_sign_in", detail: metadata instanceof Error ? metadata.message : undefined },
          "social sign-in error",
        ),
      warn: (code) => log.debug({ code, kind: "social_sign_in" }, "next-auth warning"),
      debug: () => {},
    },
  };
}
