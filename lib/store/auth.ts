// Store dashboard sign-in: a store user logs in to one store at a time, so one person working
// in two stores holds two independent sessions, each with its cookie under /store/{slug}.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type Store, type StoreRole, type User, storeMembers, stores, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError } from "@/lib/auth/errors";
import {
  type IssuedTokens,
  type MfaLoginInput,
  type RefreshOptions,
  type MfaRequired,
  checkPassword,
  endSession,
  loginFailed,
  mfaLoginSchema,
  mfaRequiredBody,
  openLoginGate,
  loginSchema,
  passChallenge,
  refreshSession,
  secondStepOrDone,
  sessionCookies,
  startSession,
  tokenBody,
} from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { type RequestContext, json } from "@/lib/http";
import { invitationTokenField, joinWithAccount, liveInvitation } from "@/lib/store/team";
import { storeByCode } from "@/lib/stores/lookup";
import { findUserByEmail, findUserByLogin, touchLastLogin } from "@/lib/users";
import { textField } from "@/lib/validation";

/** A store's code (or slug) as typed at sign-in and on the password-reset forms. */
export const storeCodeField = textField({ required: "Store code is required" })
  .min(1, { message: "Store code is required" })
  .max(64, { message: "Store code is too long" });

export const storeLoginSchema = loginSchema.extend({ store_code: storeCodeField });

export type StoreLoginInput = z.infer<typeof storeLoginSchema>;

export type StoreLogin = { user: User; store: Store; storeRole: StoreRole; tokens: IssuedTokens };

export function storeLoginView(login: Omit<StoreLogin, "tokens">) {
  return {
    user: {
      id: login.user.id,
      username: login.user.username,
      email: login.user.email,
      role: login.user.role,
    },
    store: { id: login.store.id, code: login.store.code, slug: login.store.slug, name: login.store.name },
    store_role: login.storeRole,
  };
}

/** The answer of the login and MFA endpoints: tokens, cookie and store, or the second step. */
export function storeLoginResponse(result: StoreLogin | MfaRequired, status = 200): Response {
  if ("mfaRequired" in result) return json(mfaRequiredBody(result));
  return withCookies(
    json({ ...tokenBody(result.tokens), ...storeLoginView(result) }, { status }),
    sessionCookies("store", { slug: result.store.slug }, result.tokens),
  );
}

async function membership(storeId: string, userId: string) {
  const [row] = await db()
    .select({ role: storeMembers.role, isActive: storeMembers.isActive })
    .from(storeMembers)
    .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.userId, userId)));
  return row;
}

/** Why a store login failed, for the audit trail only: every one of them answers the same 401. */
function failureReason(
  candidate: User | undefined,
  store: Store | null,
  memberActive: boolean | undefined,
): string {
  if (!candidate) return "bad_credentials";
  if (candidate.role === "admin") return "admin_account";
  if (!store) return "unknown_store";
  if (!memberActive) return "not_a_member";
  return candidate.isActive ? "bad_credentials" : "inactive";
}

/**
 * The password is compared with the account's hash only for an active member of the store
 * asked for; for an admin, a stranger to the store or an unknown store it is compared with
 * the dummy, so neither the answer nor its time tells whether the password was right. The
 * lock and the budget are the account's and the area's, whatever store code is typed.
 */
export async function loginStore(
  input: StoreLoginInput,
  ctx: RequestContext,
): Promise<StoreLogin | MfaRequired> {
  const [store, candidate] = await Promise.all([
    storeByCode(input.store_code),
    findUserByLogin(input.email_or_username),
  ]);
  const gate = await openLoginGate(
    "store",
    {
      account: candidate ? { userId: candidate.id } : null,
      identifier: input.email_or_username,
      shopId: null,
      storeId: store?.id ?? null,
    },
    ctx,
  );
  const member = candidate && store ? await membership(store.id, candidate.id) : undefined;
  const eligible = candidate?.role === "store" && candidate.isActive && member?.isActive ? candidate : null;
  const user = await checkPassword(eligible, input.password, () => true);
  if (!user || !store || !member) {
    await loginFailed(
      gate,
      {
        area: "store",
        storeId: store?.id ?? null,
        userId: candidate?.id ?? null,
        identifier: input.email_or_username.slice(0, 254),
        details: { reason: failureReason(candidate, store, member?.isActive) },
      },
      ctx,
    );
    throw new ApiError("INVALID_CREDENTIALS");
  }
  if (store.status !== "active") {
    await loginFailed(
      gate,
      { area: "store", storeId: store.id, userId: user.id, details: { reason: "store_suspended" } },
      ctx,
    );
    throw new ApiError("STORE_UNAVAILABLE");
  }
  const pending = await secondStepOrDone(
    gate,
    { area: "store", userId: user.id, storeId: store.id, rememberMe: input.remember_me },
    ctx,
  );
  return pending ?? openStoreSession(user, store, member.role, input.remember_me, ctx);
}

/** Second step: the code, then the member and store checked again, then the session. */
export async function completeStoreMfa(input: MfaLoginInput, ctx: RequestContext): Promise<StoreLogin> {
  const passed = await passChallenge("store", input, ctx);
  const [row] =
    passed.userId && passed.storeId
      ? await db()
          .select({
            user: users,
            store: stores,
            role: storeMembers.role,
            memberActive: storeMembers.isActive,
          })
          .from(users)
          .innerJoin(
            storeMembers,
            and(eq(storeMembers.userId, users.id), eq(storeMembers.storeId, passed.storeId)),
          )
          .innerJoin(stores, eq(stores.id, storeMembers.storeId))
          .where(eq(users.id, passed.userId))
      : [];
  if (!row || !row.user.isActive || row.user.role !== "store" || !row.memberActive)
    throw new ApiError("MFA_CHALLENGE_INVALID");
  if (row.store.status !== "active") throw new ApiError("STORE_UNAVAILABLE");
  return openStoreSession(row.user, row.store, row.role, passed.rememberMe, ctx);
}

/**
 * Joining a team with an account that already exists is a sign-in at the inviting store as
 * the invited address: the login's gate (IP budget, the account's lockout), the
 * password, then the account's second factor; only then is the invitation spent and a session
 * opened. A wrong password and an address without an account get the same answer.
 */
export async function signInToAccept(
  store: Store,
  input: { token: string; password: string },
  ctx: RequestContext,
): Promise<StoreLogin | MfaRequired> {
  const { email } = await liveInvitation(store.id, input.token);
  const candidate = await findUserByEmail(email);
  // The account's one lock, shared with every login of it: owning many stores buys no guesses.
  const gate = await openLoginGate(
    "store",
    {
      account: candidate ? { userId: candidate.id } : null,
      identifier: email,
      shopId: null,
      storeId: store.id,
    },
    ctx,
  );
  const user = await checkPassword(candidate, input.password, (u) => u.isActive && u.role === "store");
  const fail = async (reason: string) => {
    const event = {
      area: "store" as const,
      storeId: store.id,
      userId: candidate?.id ?? null,
      identifier: email,
    };
    await loginFailed(gate, { ...event, details: { reason, via: "invitation" } }, ctx);
  };
  if (!user) {
    await fail("bad_credentials");
    throw new ApiError("INVALID_CREDENTIALS");
  }
  if (store.status !== "active") {
    await fail("store_suspended");
    throw new ApiError("STORE_UNAVAILABLE");
  }
  const pending = await secondStepOrDone(
    gate,
    { area: "store", userId: user.id, storeId: store.id, rememberMe: false },
    ctx,
  );
  return pending ?? joinAndOpenSession(user, store, input.token, ctx);
}

/** The code step of accepting: the login's second step, with the invitation's token. */
export const acceptMfaSchema = mfaLoginSchema.safeExtend({ token: invitationTokenField });

/**
 * The second step of `signInToAccept`: the code, with the invitation sent again. A challenge
 * of another account (an ordinary login here) cannot spend an invitation to someone else.
 */
export async function completeAcceptMfa(
  store: Store,
  token: string,
  input: MfaLoginInput,
  ctx: RequestContext,
): Promise<StoreLogin> {
  await liveInvitation(store.id, token);
  const passed = await passChallenge("store", input, ctx, store.id);
  const [user] = passed.userId ? await db().select().from(users).where(eq(users.id, passed.userId)) : [];
  if (!user || !user.isActive || user.role !== "store") throw new ApiError("MFA_CHALLENGE_INVALID");
  if (store.status !== "active") throw new ApiError("STORE_UNAVAILABLE");
  return joinAndOpenSession(user, store, token, ctx);
}

async function joinAndOpenSession(
  user: User,
  store: Store,
  token: string,
  ctx: RequestContext,
): Promise<StoreLogin> {
  const role = await joinWithAccount(store.id, token, user, ctx);
  return openStoreSession(user, store, role, false, ctx);
}

async function openStoreSession(
  user: User,
  store: Store,
  storeRole: StoreRole,
  rememberMe: boolean,
  ctx: RequestContext,
): Promise<StoreLogin> {
  const tokens = await startSession(
    { area: "store", userId: user.id, storeId: store.id, tokenVersion: user.tokenVersion, rememberMe },
    {
      sub: user.id,
      type: "store",
      role: "store",
      email: user.email,
      store_id: store.id,
      store_role: storeRole,
    },
    ctx,
  );
  const updated = await touchLastLogin(user.id);
  await recordAuthEvent(
    "login_succeeded",
    { area: "store", userId: user.id, storeId: store.id, sessionId: tokens.sessionId },
    ctx,
  );
  return { user: updated ?? user, store, storeRole, tokens };
}

/** New tokens for a live store session, with the member's current role; the store's slug for the cookie. */
export async function refreshStore(
  refreshToken: string,
  ctx: RequestContext,
  options?: RefreshOptions,
): Promise<{ tokens: IssuedTokens; slug: string }> {
  let slug = "";
  const tokens = await refreshSession(
    "store",
    refreshToken,
    ctx,
    async (session) => {
      if (!session.userId || !session.storeId) return null;
      const [row] = await db()
        .select({ user: users, role: storeMembers.role, memberActive: storeMembers.isActive, store: stores })
        .from(users)
        .innerJoin(
          storeMembers,
          and(eq(storeMembers.userId, users.id), eq(storeMembers.storeId, session.storeId)),
        )
        .innerJoin(stores, eq(stores.id, storeMembers.storeId))
        .where(and(eq(users.id, session.userId), eq(users.tokenVersion, session.tokenVersion)));
      if (!row || !row.user.isActive || row.user.role !== "store" || !row.memberActive) return null;
      if (row.store.status !== "active") return null;
      slug = row.store.slug;
      return {
        sub: row.user.id,
        type: "store",
        role: "store",
        email: row.user.email,
        store_id: row.store.id,
        store_role: row.role,
      };
    },
    options,
  );
  return { tokens, slug };
}

export function logoutStore(
  userId: string,
  storeId: string,
  sessionId: string,
  ctx: RequestContext,
): Promise<void> {
  return endSession("store", { id: sessionId, userId, storeId }, ctx);
}
