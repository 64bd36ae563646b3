// Store dashboard sign-in: a store user logs in to one store at a time, so one person working
// in two stores holds two independent sessions, each with its cookie under /store/{slug}.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type Store, type StoreRole, type User, storeMembers, users } from "@/db/schema";
import { isActiveIn } from "@/lib/auth/accounts";
import { AREAS } from "@/lib/auth/areas";
import { ApiError } from "@/lib/http/errors";
import {
  type AreaLogin,
  type IssuedTokens,
  type MfaLoginInput,
  type RefreshOptions,
  type MfaRequired,
  completeAreaMfa,
  endSession,
  mfaLoginSchema,
  mfaRequiredBody,
  loginSchema,
  openAreaSession,
  passChallenge,
  refreshArea,
  runLogin,
  sessionCookies,
  tokenBody,
} from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { type RequestContext, json } from "@/lib/http";
import { invitationTokenField, joinWithAccount, liveInvitation } from "@/lib/store/team";
import { storeByCode } from "@/lib/tenancy/lookup";
import { findUserByEmail, findUserByLogin } from "@/lib/users";
import { textField } from "@/lib/validation";

/** A store's code (or slug) as typed at sign-in and on the password-reset forms. */
export const storeCodeField = textField({ required: "Store code is required" })
  .min(1, { message: "Store code is required" })
  .max(64, { message: "Store code is too long" });

export const storeLoginSchema = loginSchema.extend({ store_code: storeCodeField });

export type StoreLoginInput = z.infer<typeof storeLoginSchema>;

export type StoreLogin = { user: User; store: Store; storeRole: StoreRole; tokens: IssuedTokens };

function storeLoginView(login: Omit<StoreLogin, "tokens">) {
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

function asStoreLogin(login: AreaLogin): StoreLogin {
  return {
    user: login.account as User,
    store: login.store!,
    storeRole: login.storeRole!,
    tokens: login.tokens,
  };
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
  candidate: User | null,
  store: Store | null,
  memberActive: boolean | undefined,
): string {
  if (!candidate) return "bad_credentials";
  if (candidate.role === "admin") return "admin_account";
  if (!store) return "unknown_store";
  if (!memberActive) return "not_a_member";
  return candidate.isActive ? "bad_credentials" : "inactive";
}

const suspended = (store: Store, user: User, details: Record<string, string>) => ({
  event: { area: "store" as const, storeId: store.id, userId: user.id, details },
  error: new ApiError("STORE_UNAVAILABLE"),
});

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
    findUserByLogin(input.email_or_username).then((user) => user ?? null),
  ]);
  let member: Awaited<ReturnType<typeof membership>>;
  const result = await runLogin(
    {
      area: "store",
      identifier: input.email_or_username,
      password: input.password,
      rememberMe: input.remember_me,
      store,
      candidate,
      eligible: async (user) => {
        member = store ? await membership(store.id, user.id) : undefined;
        return isActiveIn(AREAS.store, user) && Boolean(member?.isActive);
      },
      refused: (user) => ({
        event: {
          area: "store",
          storeId: store?.id ?? null,
          userId: user?.id ?? null,
          identifier: input.email_or_username.slice(0, 254),
          details: { reason: failureReason(user, store, member?.isActive) },
        },
        error: new ApiError("INVALID_CREDENTIALS"),
      }),
      afterPassword: (user) =>
        store!.status === "active" ? null : suspended(store!, user, { reason: "store_suspended" }),
      loaded: (user) => ({ account: user, store, storeRole: member!.role }),
    },
    ctx,
  );
  return "mfaRequired" in result ? result : asStoreLogin(result);
}

/** Second step: the code, then the member and store checked again, then the session. */
export async function completeStoreMfa(input: MfaLoginInput, ctx: RequestContext): Promise<StoreLogin> {
  return asStoreLogin(await completeAreaMfa("store", input, ctx));
}

/** A person who may join a team: an active staff account. */
const mayJoin = (user: User) => isActiveIn(AREAS.store, user);

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
  const candidate = (await findUserByEmail(email)) ?? null;
  const via = { via: "invitation" };
  // The account's one lock, shared with every login of it: owning many stores buys no guesses.
  const result = await runLogin(
    {
      area: "store",
      identifier: email,
      password: input.password,
      rememberMe: false,
      store,
      candidate,
      eligible: mayJoin,
      refused: () => ({
        event: {
          area: "store",
          storeId: store.id,
          userId: candidate?.id ?? null,
          identifier: email,
          details: { reason: "bad_credentials", ...via },
        },
        error: new ApiError("INVALID_CREDENTIALS"),
      }),
      afterPassword: (user) =>
        store.status === "active"
          ? null
          : {
              event: {
                area: "store",
                storeId: store.id,
                userId: user.id,
                identifier: email,
                details: { reason: "store_suspended", ...via },
              },
              error: new ApiError("STORE_UNAVAILABLE"),
            },
      // The role is the invitation's, known once it is spent.
      loaded: (user) => ({ account: user, store, storeRole: null }),
      open: (loaded) => joinAndOpenSession(loaded.account as User, store, input.token, ctx),
    },
    ctx,
  );
  return "mfaRequired" in result ? result : asStoreLogin(result);
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
  if (!user || !mayJoin(user)) throw new ApiError("MFA_CHALLENGE_INVALID");
  if (store.status !== "active") throw new ApiError("STORE_UNAVAILABLE");
  return asStoreLogin(await joinAndOpenSession(user, store, token, ctx));
}

async function joinAndOpenSession(user: User, store: Store, token: string, ctx: RequestContext) {
  const storeRole = await joinWithAccount(store.id, token, user, ctx);
  return openAreaSession("store", { account: user, store, storeRole }, false, ctx);
}

/** New tokens for a live store session, with the member's current role; the store's slug for the cookie. */
export async function refreshStore(
  refreshToken: string,
  ctx: RequestContext,
  options?: RefreshOptions,
): Promise<{ tokens: IssuedTokens; slug: string }> {
  const { tokens, store } = await refreshArea("store", refreshToken, ctx, options);
  return { tokens, slug: store?.slug ?? "" };
}

export function logoutStore(
  userId: string,
  storeId: string,
  sessionId: string,
  ctx: RequestContext,
): Promise<void> {
  return endSession("store", { id: sessionId, userId, storeId }, ctx);
}
