// The steps every area's login shares: compare the password (or a dummy, so an unknown
// account takes as long), open a session, sign the access token, build the cookies.
import "server-only";
import { z } from "zod";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { identifierText, textField } from "@/lib/validation";
import { type Store, mfaChallenges } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import {
  type Account,
  type LoadedAccount,
  claimsOf,
  loadAccount,
  sessionOwner,
  touchAccount,
} from "./accounts";
import { AREAS, type AreaName } from "./areas";
import { ApiError } from "@/lib/http/errors";
import { loginPasswordSchema, verifyAgainstDummy, verifyPassword } from "./passwords";
import { type OpenSessionInput, hashToken, openSession, revokeSession } from "./sessions";
import type { IssuedTokens } from "./refresh";
import {
  CHALLENGE,
  type ChallengeInput,
  WRONG_CODE,
  checkSecondFactor,
  hasTotp,
  issueChallenge,
  mfaTokenField,
  recoveryCodeField,
  totpCodeField,
} from "./mfa";
import {
  type LockAccount,
  clearFailures,
  loginLockKey,
  lockedError,
  lockedUntil,
  recordFailure,
  spend,
} from "./throttle";
import { type NewAccessToken, signAccessToken } from "./tokens";

/** The login body of every area; areas extend it (store_code). */
export const loginSchema = z.object({
  email_or_username: textField({ required: "Email or username is required" })
    .overwrite(identifierText)
    .trim()
    .min(1, { message: "Email or username is required" })
    .max(254, { message: "Email or username is too long" }),
  password: loginPasswordSchema,
  remember_me: z.boolean().optional().default(false),
});

export type LoginInput = z.infer<typeof loginSchema>;

export const refreshSchema = z.object({
  refresh_token: textField({ required: "refresh_token is required", trim: false })
    .min(1, { message: "refresh_token is required" })
    .max(4096),
});

/** The candidate if the password is right and `allowed` accepts it; null otherwise. */
async function checkPassword<T extends { passwordHash: string }>(
  candidate: T | null | undefined,
  password: string,
  allowed: (candidate: T) => boolean,
): Promise<T | null> {
  if (!candidate) return verifyAgainstDummy(password).then(() => null);
  const ok = await verifyPassword(password, candidate.passwordHash);
  return ok && allowed(candidate) ? candidate : null;
}

// Refreshing lives apart from the login stack, so the request layer can renew pages lightly.
export { type IssuedTokens, type RefreshOptions, refreshArea, sessionCookies } from "./refresh";

export async function startSession(
  session: OpenSessionInput,
  claims: Omit<NewAccessToken, "sid">,
  ctx: RequestContext,
): Promise<IssuedTokens> {
  const opened = await openSession(session, ctx);
  const { token, expiresIn } = await signAccessToken({ ...claims, sid: opened.sessionId });
  return {
    sessionId: opened.sessionId,
    accessToken: token,
    expiresIn,
    refreshToken: opened.refreshToken,
    refreshExpiresAt: opened.refreshExpiresAt,
    rememberMe: session.rememberMe,
  };
}

/** The token part of a login or refresh answer. */
export function tokenBody(tokens: IssuedTokens) {
  return {
    access_token: tokens.accessToken,
    token_type: "Bearer" as const,
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
  };
}

/** Logout: the session is revoked, so its access token is refused from the next request on. */
export async function endSession(
  area: AreaName,
  session: { id: string; userId?: string; customerId?: string; storeId?: string },
  ctx: RequestContext,
): Promise<void> {
  await revokeSession(session.id, "logout");
  await recordAuthEvent(
    "logout",
    {
      area,
      userId: session.userId,
      customerId: session.customerId,
      storeId: session.storeId,
      sessionId: session.id,
    },
    ctx,
  );
}

/** Who a login is for, as far as is known before the password is checked. */
type LoginTarget = {
  /** The account the identifier names, if one does. */
  account: LockAccount | null;
  identifier: string;
  /** The shop of a customer login: its own budget and its own accounts. Null for admins and staff. */
  shopId: string | null;
  /** The store asked for, for the audit trail (a store login's). */
  storeId?: string | null;
};

/**
 * Before checking a password: the caller's IP budget, then the lock of the account (or of
 * the identifier, when no account has it). Returns the lockout key for `loginFailed` and the
 * second step. A shop's logins have a budget of their own, so a busy shop does not throttle
 * another; admins and staff have one per area, whatever store code is typed, since a store
 * code that costs nothing to invent must not buy a new budget.
 */
async function openLoginGate(area: AreaName, target: LoginTarget, ctx: RequestContext): Promise<string> {
  await spend("login", ctx.ip, target.shopId ? `${area}:${target.shopId}` : area);
  const key = loginLockKey(target.account, target.shopId, target.identifier);
  const until = await lockedUntil(key);
  if (until) {
    const account = target.account;
    await recordAuthEvent(
      "login_locked",
      {
        area,
        storeId: target.storeId ?? target.shopId,
        userId: account && "userId" in account ? account.userId : null,
        customerId: account && "customerId" in account ? account.customerId : null,
        identifier: target.identifier.slice(0, 254),
      },
      ctx,
    );
    throw lockedError(until);
  }
  return key;
}

/** Counts a failed login; the failure that reaches the limit locks the account (or identifier) and is audited. */
async function loginFailed(
  key: string,
  event: Parameters<typeof recordAuthEvent>[1],
  ctx: RequestContext,
): Promise<void> {
  await recordAuthEvent("login_failed", event, ctx);
  if (await recordFailure(key)) await recordAuthEvent("account_locked", event, ctx);
}

/** What a right password leads to when the account has a second factor. */
export type MfaRequired = { mfaRequired: true; mfaToken: string };

export function mfaRequiredBody(pending: MfaRequired) {
  return { mfa_required: true as const, mfa_token: pending.mfaToken, mfa_methods: ["totp", "recovery_code"] };
}

/**
 * After the password and the area's own checks passed: the second step when the principal
 * has TOTP on (the failure counter is then cleared only once the code is right, so a known
 * password does not reset the count of wrong codes), otherwise null and the login goes on.
 */
async function secondStepOrDone(
  gate: string,
  challenge: Omit<ChallengeInput, "lockKey">,
  ctx: RequestContext,
): Promise<MfaRequired | null> {
  const principal = challenge.userId ? { userId: challenge.userId } : { customerId: challenge.customerId! };
  if (await hasTotp(principal)) {
    return { mfaRequired: true, mfaToken: await issueChallenge({ ...challenge, lockKey: gate }, ctx) };
  }
  await clearFailures(gate);
  return null;
}

export const mfaLoginSchema = z
  .object({
    mfa_token: mfaTokenField,
    code: totpCodeField.optional(),
    recovery_code: recoveryCodeField.optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.recovery_code), {
    message: "Send either code or recovery_code",
    path: ["code"],
  });

export type MfaLoginInput = z.infer<typeof mfaLoginSchema>;

export type PassedChallenge = {
  userId: string | null;
  customerId: string | null;
  storeId: string | null;
  rememberMe: boolean;
};

/**
 * The second step of a login. Each try spends one of the challenge's attempts; a wrong code
 * counts towards the account's lockout like a wrong password (S52); the right one spends
 * the challenge. The caller then reloads the principal and opens the session.
 */
export async function passChallenge(
  area: AreaName,
  input: MfaLoginInput,
  ctx: RequestContext,
  /** A storefront challenge is answered at its own store only. */
  storeId?: string,
): Promise<PassedChallenge> {
  await spend("mfa", ctx.ip, area);
  const tokenHash = hashToken(input.mfa_token);
  // Taking an attempt first keeps parallel guesses within the budget.
  const [challenge] = await db()
    .update(mfaChallenges)
    .set({ attempts: sql`${mfaChallenges.attempts} + 1` })
    .where(
      and(
        eq(mfaChallenges.tokenHash, tokenHash),
        eq(mfaChallenges.area, area),
        storeId ? eq(mfaChallenges.storeId, storeId) : undefined,
        isNull(mfaChallenges.usedAt),
        gt(mfaChallenges.expiresAt, sql`now()`),
        lt(mfaChallenges.attempts, CHALLENGE.attempts),
      ),
    )
    .returning();
  if (!challenge) throw new ApiError("MFA_CHALLENGE_INVALID");
  const until = await lockedUntil(challenge.lockKey);
  if (until) throw lockedError(until);
  const principal = challenge.userId ? { userId: challenge.userId } : { customerId: challenge.customerId! };
  const event = {
    area,
    userId: challenge.userId,
    customerId: challenge.customerId,
    storeId: challenge.storeId,
  };
  if (!(await checkSecondFactor(principal, input, event, ctx))) {
    await loginFailed(challenge.lockKey, { ...event, details: { stage: "mfa" } }, ctx);
    throw WRONG_CODE();
  }
  const [spent] = await db()
    .update(mfaChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaChallenges.tokenHash, tokenHash), isNull(mfaChallenges.usedAt)))
    .returning({ tokenHash: mfaChallenges.tokenHash });
  if (!spent) throw new ApiError("MFA_CHALLENGE_INVALID");
  await clearFailures(challenge.lockKey);
  return {
    userId: challenge.userId,
    customerId: challenge.customerId,
    storeId: challenge.storeId,
    rememberMe: challenge.rememberMe,
  };
}

/** A signed-in principal: the account as loaded (with its store and role there) and its tokens. */
export type AreaLogin = LoadedAccount & { tokens: IssuedTokens };

/** The end of every sign-in: the session and its token, the last login, the audit trail. */
export async function openAreaSession(
  area: AreaName,
  loaded: LoadedAccount,
  rememberMe: boolean,
  ctx: RequestContext,
): Promise<AreaLogin> {
  const owner = sessionOwner(area, loaded);
  const tokens = await startSession(
    { area, ...owner, tokenVersion: loaded.account.tokenVersion, rememberMe },
    claimsOf(area, loaded),
    ctx,
  );
  const account = await touchAccount(area, loaded.account);
  await recordAuthEvent("login_succeeded", { area, ...owner, sessionId: tokens.sessionId }, ctx);
  return { ...loaded, account, tokens };
}

type Refusal = { event: Parameters<typeof recordAuthEvent>[1]; error: ApiError };

/** What an area supplies to the one login sequence. */
export type LoginAttempt<C extends Account> = {
  area: AreaName;
  /** As typed (the lock of an identifier no account has, and the audit trail). */
  identifier: string;
  password: string;
  rememberMe: boolean;
  /** The store asked for, where the area has stores; a shop's logins have their own budget. */
  store: Store | null;
  /** The account the identifier names, if one does. */
  candidate: C | null;
  /** Whether the candidate may sign in here; only then is its own hash compared (else a dummy). */
  eligible: (candidate: C) => boolean | Promise<boolean>;
  /** A wrong password, an unknown or ineligible account: the audited event and the one answer. */
  refused: (candidate: C | null) => Refusal;
  /** After the right password, a refusal of another kind (a suspended store); counted the same. */
  afterPassword?: (account: C) => Refusal | null;
  /** The principal the session is for. */
  loaded: (account: C) => LoadedAccount;
  /** Opens the session; by default `openAreaSession` (accepting an invitation joins the team first). */
  open?: (loaded: LoadedAccount) => Promise<AreaLogin>;
};

/**
 * The login of every area, once: the gate (IP budget, lock), the account, the password, the
 * failure counted or the second step asked for, then the session, last login and audit.
 */
export async function runLogin<C extends Account>(
  attempt: LoginAttempt<C>,
  ctx: RequestContext,
): Promise<AreaLogin | MfaRequired> {
  const { area, candidate, store } = attempt;
  const ofShop = AREAS[area].account.table === "customers";
  const gate = await openLoginGate(
    area,
    {
      account: candidate ? (ofShop ? { customerId: candidate.id } : { userId: candidate.id }) : null,
      identifier: attempt.identifier,
      shopId: ofShop && store ? store.id : null,
      storeId: store?.id ?? null,
    },
    ctx,
  );
  const eligible = candidate && (await attempt.eligible(candidate)) ? candidate : null;
  const account = await checkPassword(eligible, attempt.password, () => true);
  const refusal = account ? (attempt.afterPassword?.(account) ?? null) : attempt.refused(candidate);
  if (refusal) {
    await loginFailed(gate, refusal.event, ctx);
    throw refusal.error;
  }
  return secondStepOrSession(area, gate, attempt.loaded(account!), attempt.rememberMe, attempt.open, ctx);
}

/** After the credential: the second step when the principal has TOTP on, else the session. */
async function secondStepOrSession(
  area: AreaName,
  gate: string,
  loaded: LoadedAccount,
  rememberMe: boolean,
  open: ((loaded: LoadedAccount) => Promise<AreaLogin>) | undefined,
  ctx: RequestContext,
): Promise<AreaLogin | MfaRequired> {
  const owner = sessionOwner(area, loaded);
  const pending = await secondStepOrDone(
    gate,
    { area, userId: owner.userId, customerId: owner.customerId, storeId: owner.storeId ?? null, rememberMe },
    ctx,
  );
  if (pending) return pending;
  return open ? open(loaded) : openAreaSession(area, loaded, rememberMe, ctx);
}

/** A sign-in whose credential another party checked (an identity provider): the same gate, second step and session. */
export type VerifiedLogin = {
  area: AreaName;
  /** The account's identifier, for its lock and the audit trail. */
  identifier: string;
  store: Store | null;
  account: Account;
  loaded: LoadedAccount;
  rememberMe: boolean;
};

/** The login sequence without the password step: the gate (IP budget, lock), then as `runLogin`. */
export async function runVerifiedLogin(
  attempt: VerifiedLogin,
  ctx: RequestContext,
): Promise<AreaLogin | MfaRequired> {
  const { area, account, store } = attempt;
  const ofShop = AREAS[area].account.table === "customers";
  const gate = await openLoginGate(
    area,
    {
      account: ofShop ? { customerId: account.id } : { userId: account.id },
      identifier: attempt.identifier,
      shopId: ofShop && store ? store.id : null,
      storeId: store?.id ?? null,
    },
    ctx,
  );
  return secondStepOrSession(area, gate, attempt.loaded, attempt.rememberMe, undefined, ctx);
}

/** The second step of a login in any area: the code, the principal loaded again, the session. */
export async function completeAreaMfa(
  area: AreaName,
  input: MfaLoginInput,
  ctx: RequestContext,
  /** A challenge of a storefront is answered at its own store only. */
  atStoreId?: string,
): Promise<AreaLogin> {
  const passed = await passChallenge(area, input, ctx, atStoreId);
  const loaded = await loadAccount(area, passed);
  if (loaded === "unavailable") throw new ApiError("STORE_UNAVAILABLE");
  if (!loaded) throw new ApiError("MFA_CHALLENGE_INVALID");
  return openAreaSession(area, loaded, passed.rememberMe, ctx);
}
