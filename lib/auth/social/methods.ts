// A shopper's "Sign-in methods" (README › Social sign-in): the providers linked to their account at this store,
// connecting another while signed in, disconnecting one (never the last way in), and a first
// password for a customer who signed up with a provider. Adding a way in (a provider, a first
// password) asks for a recent sign-in, so a session left open somewhere cannot be turned into
// a credential of its own; removing one does not.
import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { customerIdentities, customers, sessions, stores } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import { ApiError, databaseError } from "@/lib/http/errors";
import { AREAS } from "../areas";
import { assertStrongPassword } from "../password-strength";
import { hashPassword, newPasswordSchema } from "../passwords";
import { endResetLinks } from "../reset";
import type { LinkedIdentity } from "./handoff";
import { issuerOf } from "./link";
import { type SignInProvider, platformProviders, providersOfStore } from "./providers";

/** How long after signing in a customer may add a way to sign in. */
const RECENT_SIGN_IN_MINUTES = 15;

export const RECENT_SIGN_IN_REQUIRED = `For your security, adding a way to sign in needs a sign-in in the last ${RECENT_SIGN_IN_MINUTES} minutes. Sign out, sign in again, and come back to this page.`;

const LAST_METHOD_REFUSED =
  "This is your only way to sign in. Set a password or connect another provider first.";

type Store = { id: string; slug: string };

export type SignInMethods = {
  hasPassword: boolean;
  /** The session was opened recently enough to add a way to sign in. */
  recent: boolean;
  linked: {
    id: string;
    name: string;
    email: string | null;
    linkedAt: Date;
    lastUsedAt: Date | null;
    /** The store still offers this provider, so it still signs in. */
    offered: boolean;
  }[];
  /** Providers the store offers that are not linked yet. */
  connectable: { id: string; name: string }[];
};

const matches = (p: SignInProvider, row: { provider: string; issuer: string }) =>
  p.key === row.provider && issuerOf(p) === row.issuer;

/** The name a linked identity goes by, even if its provider is no longer offered here. */
function nameOf(row: { provider: string }, offered: SignInProvider[]): string {
  return (
    offered.find((p) => p.key === row.provider)?.name ??
    platformProviders().find((p) => p.key === row.provider)?.name ??
    (row.provider === "store" ? "Single sign-on" : row.provider)
  );
}

export async function isRecentSignIn(sessionId: string): Promise<boolean> {
  const [row] = await db()
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return !!row && Date.now() - row.createdAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000;
}

export async function signInMethodsOf(
  store: Store,
  me: { id: string; sessionId: string },
): Promise<SignInMethods> {
  const [customer] = await db()
    .select({ hasPassword: customers.hasPassword })
    .from(customers)
    .where(and(eq(customers.id, me.id), eq(customers.storeId, store.id)));
  const rows = await db()
    .select()
    .from(customerIdentities)
    .where(and(eq(customerIdentities.customerId, me.id), eq(customerIdentities.storeId, store.id)))
    .orderBy(customerIdentities.createdAt);
  const offered = await providersOfStore(store);
  return {
    hasPassword: customer?.hasPassword ?? false,
    recent: await isRecentSignIn(me.sessionId),
    linked: rows.map((r) => ({
      id: r.id,
      name: nameOf(r, offered),
      email: r.email,
      linkedAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      offered: offered.some((p) => matches(p, r)),
    })),
    connectable: offered
      .filter((p) => !rows.some((r) => matches(p, r)))
      .map(({ id, name }) => ({ id, name })),
  };
}

export type LinkOutcome = "linked" | "already" | "elsewhere";

/**
 * Links the identity a connect brought back to the signed-in customer of this store: refused
 * when it already belongs to another customer of the store.
 */
export async function linkToSignedIn(
  store: Store,
  customerId: string,
  provider: string,
  identity: LinkedIdentity,
  ctx: RequestContext,
): Promise<LinkOutcome> {
  const owner = async () => {
    const [row] = await db()
      .select({ customerId: customerIdentities.customerId })
      .from(customerIdentities)
      .where(
        and(
          eq(customerIdentities.storeId, store.id),
          eq(customerIdentities.issuer, identity.issuer),
          eq(customerIdentities.subject, identity.subject),
        ),
      );
    return row?.customerId ?? null;
  };
  const known = await owner();
  if (known) {
    if (known !== customerId) return refuseElsewhere(store, customerId, provider, ctx);
    await db()
      .update(customerIdentities)
      .set({ lastUsedAt: new Date(), email: identity.email })
      .where(
        and(
          eq(customerIdentities.storeId, store.id),
          eq(customerIdentities.issuer, identity.issuer),
          eq(customerIdentities.subject, identity.subject),
        ),
      );
    return "already";
  }
  try {
    await db().insert(customerIdentities).values({
      storeId: store.id,
      customerId,
      provider,
      issuer: identity.issuer,
      subject: identity.subject,
      email: identity.email,
    });
  } catch (error) {
    // Linked by someone else at the same moment: the unique index decided.
    if (databaseError(error)?.sqlState !== "23505") throw error;
    return (await owner()) === customerId ? "already" : refuseElsewhere(store, customerId, provider, ctx);
  }
  await recordAuthEvent(
    "social_linked",
    { area: "customer", storeId: store.id, customerId, details: { provider, by: "signed_in" } },
    ctx,
  );
  return "linked";
}

async function refuseElsewhere(
  store: Store,
  customerId: string,
  provider: string,
  ctx: RequestContext,
): Promise<"elsewhere"> {
  await recordAuthEvent(
    "social_sign_in_refused",
    {
      area: "customer",
      storeId: store.id,
      customerId,
      details: { provider, reason: "linked_to_another_customer" },
    },
    ctx,
  );
  return "elsewhere";
}

/**
 * Removes a linked identity, unless it is the customer's last way to sign in: no password and
 * no other provider the store still offers. The customer row is locked, so two disconnects at
 * once cannot both pass the check.
 */
export async function disconnectIdentity(
  store: Store,
  me: { id: string; sessionId: string },
  identityId: string,
  ctx: RequestContext,
): Promise<void> {
  const offered = await providersOfStore(store);
  const removed = await db().transaction(async (tx) => {
    const [customer] = await tx
      .select({ hasPassword: customers.hasPassword })
      .from(customers)
      .where(and(eq(customers.id, me.id), eq(customers.storeId, store.id)))
      .for("update");
    const rows = await tx
      .select()
      .from(customerIdentities)
      .where(and(eq(customerIdentities.customerId, me.id), eq(customerIdentities.storeId, store.id)));
    const target = rows.find((r) => r.id === identityId);
    if (!customer || !target)
      throw new ApiError("NOT_FOUND", { message: "That sign-in method is not connected to your account." });
    const others = rows.filter((r) => r.id !== identityId && offered.some((p) => matches(p, r)));
    if (!customer.hasPassword && others.length === 0)
      throw new ApiError("CONFLICT", { message: LAST_METHOD_REFUSED });
    await tx.delete(customerIdentities).where(eq(customerIdentities.id, identityId));
    return target;
  });
  await recordAuthEvent(
    "social_unlinked",
    {
      area: "customer",
      storeId: store.id,
      customerId: me.id,
      sessionId: me.sessionId,
      details: { provider: removed.provider },
    },
    ctx,
  );
}

export const setPasswordSchema = z.object({
  new_password: newPasswordSchema(AREAS.customer.minPasswordChars),
});

/**
 * A first password for a customer who has only a provider: after a recent sign-in, strong, and
 * like a password change it signs out the customer's other sessions and is mailed to them.
 */
export async function setFirstPassword(
  store: Store,
  me: { id: string; sessionId: string },
  password: string,
  ctx: RequestContext,
): Promise<void> {
  const [customer] = await db()
    .select({
      email: customers.email,
      firstName: customers.firstName,
      lastName: customers.lastName,
      hasPassword: customers.hasPassword,
      storeName: stores.name,
      storeCode: stores.code,
    })
    .from(customers)
    .innerJoin(stores, eq(stores.id, customers.storeId))
    .where(and(eq(customers.id, me.id), eq(customers.storeId, store.id)));
  if (!customer) throw new ApiError("NOT_FOUND", { message: "No such account" });
  if (customer.hasPassword)
    throw new ApiError("CONFLICT", {
      message: "You already have a password. Change it on the Password page.",
    });
  if (!(await isRecentSignIn(me.sessionId)))
    throw new ApiError("INSUFFICIENT_PERMISSIONS", { message: RECENT_SIGN_IN_REQUIRED });
  assertStrongPassword(
    password,
    [
      customer.email,
      customer.firstName,
      customer.lastName,
      customer.storeName,
      store.slug,
      customer.storeCode,
    ],
    "new_password",
  );
  const passwordHash = await hashPassword(password);
  const set = await db().transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ passwordHash, hasPassword: true })
      .where(and(eq(customers.id, me.id), eq(customers.hasPassword, false)))
      .returning({ id: customers.id });
    if (!row) return false;
    await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: "password_changed" })
      .where(and(eq(sessions.customerId, me.id), ne(sessions.id, me.sessionId), isNull(sessions.revokedAt)));
    await endResetLinks(tx, { customerId: me.id });
    return true;
  });
  if (!set)
    throw new ApiError("CONFLICT", {
      message: "You already have a password. Change it on the Password page.",
    });
  await recordAuthEvent(
    "password_set",
    { area: "customer", storeId: store.id, customerId: me.id, sessionId: me.sessionId },
    ctx,
  );
}
