// Admin console sign-in: login, refresh and logout for platform admins (users, role admin).
import "server-only";
import type { User } from "@/db/schema";
import { isActiveIn } from "@/lib/auth/accounts";
import { AREAS } from "@/lib/auth/areas";
import { ApiError } from "@/lib/http/errors";
import {
  type AreaLogin,
  type IssuedTokens,
  type LoginInput,
  type MfaLoginInput,
  type RefreshOptions,
  type MfaRequired,
  completeAreaMfa,
  endSession,
  mfaRequiredBody,
  refreshArea,
  runLogin,
  sessionCookies,
  tokenBody,
} from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { type RequestContext, json } from "@/lib/http";
import { findUserByLogin } from "@/lib/users";

function adminView(user: Pick<User, "id" | "username" | "email" | "role" | "lastLoginAt">) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role,
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
  };
}

export type AdminLogin = { user: User; tokens: IssuedTokens };

function asAdminLogin(login: AreaLogin): AdminLogin {
  return { user: login.account as User, tokens: login.tokens };
}

/** The answer of the login and MFA endpoints: tokens and cookie, or the second step. */
export function adminLoginResponse(result: AdminLogin | MfaRequired): Response {
  if ("mfaRequired" in result) return json(mfaRequiredBody(result));
  return withCookies(
    json({ ...tokenBody(result.tokens), user: adminView(result.user) }),
    sessionCookies("admin", {}, result.tokens),
  );
}

/** Password step: the session, or the second step when the admin has TOTP on. */
export async function loginAdmin(input: LoginInput, ctx: RequestContext): Promise<AdminLogin | MfaRequired> {
  const candidate = (await findUserByLogin(input.email_or_username)) ?? null;
  const result = await runLogin(
    {
      area: "admin",
      identifier: input.email_or_username,
      password: input.password,
      rememberMe: input.remember_me,
      store: null,
      candidate,
      eligible: (user) => isActiveIn(AREAS.admin, user),
      refused: (user) => ({
        event: { area: "admin", userId: user?.id ?? null, identifier: input.email_or_username.slice(0, 254) },
        error: new ApiError("INVALID_CREDENTIALS"),
      }),
      loaded: (user) => ({ account: user, store: null, storeRole: null }),
    },
    ctx,
  );
  return "mfaRequired" in result ? result : asAdminLogin(result);
}

/** Second step: a code from the app or a recovery code, then the session. */
export async function completeAdminMfa(input: MfaLoginInput, ctx: RequestContext): Promise<AdminLogin> {
  return asAdminLogin(await completeAreaMfa("admin", input, ctx));
}

/** New tokens for a live admin session; the old refresh token is spent. */
export async function refreshAdmin(
  refreshToken: string,
  ctx: RequestContext,
  options?: RefreshOptions,
): Promise<IssuedTokens> {
  return (await refreshArea("admin", refreshToken, ctx, options)).tokens;
}

export function logoutAdmin(userId: string, sessionId: string, ctx: RequestContext): Promise<void> {
  return endSession("admin", { id: sessionId, userId }, ctx);
}
