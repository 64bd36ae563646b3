// A store's team: invitations by one-time link (72 h, single use), role changes and removals,
// with the rule that a store always keeps an active owner.
import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import {
  type StoreRole,
  oneTimeTokens,
  sessions,
  storeMembers,
  stores,
  totpFactors,
  users,
} from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { platformLink } from "@/lib/links";
import { ApiError } from "@/lib/http/errors";
import type { StorePrincipal } from "@/lib/auth/guards";
import { hasTotp } from "@/lib/auth/mfa";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { AREAS } from "@/lib/auth/areas";
import { hashPassword, newPasswordSchema } from "@/lib/auth/passwords";
import type { RequestContext } from "@/lib/http";
import { sendMail } from "@/lib/mail/send";
import { invitationMail } from "@/lib/mail/templates";
import { issueOneTimeToken, peekOneTimeToken, spendOneTimeToken } from "@/lib/one-time-tokens";
import { emailField, identifierText, textField } from "@/lib/validation";
import { STORE_ROLES } from "@/lib/auth/permissions";

const INVITATION_HOURS = 72;

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

const roleField = z.enum(STORE_ROLES as [StoreRole, ...StoreRole[]], {
  error: "Choose owner, manager or staff",
});

export const inviteSchema = z.object({ email: emailField, role: roleField });
export const roleChangeSchema = z.object({ role: roleField });

export const usernameField = z
  .string({ error: "Username is required" })
  .overwrite(identifierText)
  .trim()
  .min(3, { message: "Username needs at least 3 characters" })
  .max(40, { message: "Username is too long" })
  .regex(/^[a-zA-Z0-9_.-]+$/, { message: "Use letters, digits, dots, dashes and underscores" });

export const invitationTokenField = textField({ required: "The invitation link is incomplete", trim: false })
  .min(1, { message: "The invitation link is incomplete" })
  .max(256, { message: "The invitation link is not valid" });

/**
 * The acceptance body. With a username: a new account for the invited address, its password
 * chosen here. Without: a sign-in as the existing account of that address (lib/store/auth.ts).
 */
export const acceptSchema = z.object({
  token: invitationTokenField,
  username: usernameField.optional(),
  password: z.string({ error: "Password is required" }).min(1, { message: "Password is required" }),
});

export function invitationPath(slug: string, token: string): string {
  return `/store/${slug}/accept-invitation?token=${token}`;
}

export async function listTeam(storeId: string) {
  const [members, invitations] = await Promise.all([
    db()
      .select({
        userId: users.id,
        username: users.username,
        email: users.email,
        role: storeMembers.role,
        isActive: storeMembers.isActive,
        joinedAt: storeMembers.createdAt,
        hasTotp: sql<boolean>`${totpFactors.enabledAt} is not null`,
      })
      .from(storeMembers)
      .innerJoin(users, eq(users.id, storeMembers.userId))
      .leftJoin(totpFactors, eq(totpFactors.userId, storeMembers.userId))
      .where(eq(storeMembers.storeId, storeId))
      .orderBy(asc(storeMembers.createdAt)),
    db()
      .select({ email: oneTimeTokens.email, data: oneTimeTokens.data, expiresAt: oneTimeTokens.expiresAt })
      .from(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.storeId, storeId),
          eq(oneTimeTokens.purpose, "invitation"),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, sql`now()`),
        ),
      ),
  ]);
  return {
    members,
    invitations: invitations.map((i) => ({
      email: i.email,
      role: String(i.data?.role ?? "staff"),
      expiresAt: i.expiresAt,
    })),
  };
}

/** Invites by email; the link is also returned, for the owner to pass on by hand. */
export async function inviteMember(
  actor: StorePrincipal,
  input: z.infer<typeof inviteSchema>,
  ctx: RequestContext,
): Promise<{ token: string; expiresAt: Date; path: string }> {
  const storeId = actor.store.id;
  const [existing] = await db()
    .select({ id: users.id, role: users.role, memberActive: storeMembers.isActive })
    .from(users)
    .leftJoin(storeMembers, and(eq(storeMembers.userId, users.id), eq(storeMembers.storeId, storeId)))
    .where(eq(sql`lower(${users.email})`, input.email));
  // A platform admin's address is invited like any other, so the answer tells nobody who is
  // an admin; the invitation simply cannot be accepted (acceptInvitation).
  if (existing?.memberActive)
    throw new ApiError("CONFLICT", { message: "That person is already on the team" });
  // The new link, the end of any earlier one to the same address and its mail in the queue
  // commit together: no mail for a link that does not exist, no link without its mail.
  const { token, expiresAt, path } = await db().transaction(async (tx) => {
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(oneTimeTokens.storeId, storeId),
          eq(oneTimeTokens.purpose, "invitation"),
          eq(oneTimeTokens.email, input.email),
          isNull(oneTimeTokens.usedAt),
        ),
      );
    const issued = await issueOneTimeToken(
      "invitation",
      { storeId, email: input.email, data: { role: input.role, invitedBy: actor.id } },
      INVITATION_HOURS,
      tx,
    );
    const path = invitationPath(actor.store.slug, issued.token);
    await sendMail(
      invitationMail(
        input.email,
        platformLink(path),
        { name: actor.store.name, color: actor.store.theme.primaryColor, storeId },
        input.role,
      ),
      tx,
    );
    return { ...issued, path };
  });
  await recordAuthEvent(
    "member_invited",
    { area: "store", storeId, userId: actor.id, details: { email: input.email, role: input.role } },
    ctx,
  );
  return { token, expiresAt, path };
}

/** A refusal to show the invitee: a bad link (`link`) or a bad field value (`field`). */
export class InvitationError extends Error {
  constructor(
    message: string,
    readonly kind: "link" | "field" = "field",
  ) {
    super(message);
  }

  /** The API's answer: a bad link is a 400, a bad field a 422; other errors pass unchanged. */
  static toApi(error: unknown): unknown {
    if (!(error instanceof InvitationError)) return error;
    return new ApiError(error.kind === "link" ? "BAD_REQUEST" : "VALIDATION_ERROR", {
      message: error.message,
    });
  }
}

const badLink = () =>
  new InvitationError(
    "This invitation link is invalid, already used or expired. Ask the store owner for a new one.",
    "link",
  );

/** The live invitation of this store behind `token`, not spent; a link error otherwise. */
export async function liveInvitation(
  storeId: string,
  token: string,
): Promise<{ email: string; role: StoreRole }> {
  const row = await peekOneTimeToken("invitation", token);
  if (!row || row.storeId !== storeId) throw badLink();
  return { email: row.email, role: roleField.parse(row.data?.role ?? "staff") };
}

/**
 * What the acceptance page shows: the store's invitation, its address and role. Nothing about
 * an account of that address: whoever holds the link learns that only by signing in as it.
 */
export async function describeInvitation(
  storeId: string,
  token: string,
): Promise<{ email: string; role: StoreRole } | null> {
  return liveInvitation(storeId, token).catch((error: unknown) => {
    if (error instanceof InvitationError) return null;
    throw error;
  });
}

/** Spends the invitation inside `tx` and makes the account `member` picks for its address a member. */
async function join<T extends { id: string }>(
  tx: Tx,
  storeId: string,
  token: string,
  member: (email: string) => Promise<T>,
): Promise<{ role: StoreRole; account: T }> {
  const row = await spendOneTimeToken(tx, "invitation", token);
  if (!row || row.storeId !== storeId) throw badLink();
  const role = roleField.parse(row.data?.role ?? "staff");
  const account = await member(row.email);
  await tx
    .insert(storeMembers)
    .values({ storeId, userId: account.id, role, isActive: true })
    .onConflictDoUpdate({
      target: [storeMembers.storeId, storeMembers.userId],
      set: { role, isActive: true },
    });
  return { role, account };
}

/**
 * A new account for the invited address, with the username and password chosen from the link.
 * An address that already has an account is refused without looking at the password: that
 * account joins by signing in (`joinWithAccount`).
 */
export async function acceptInvitation(
  storeId: string,
  input: z.infer<typeof acceptSchema>,
  ctx: RequestContext,
): Promise<{ userId: string; username: string }> {
  const { account } = await db().transaction((tx) =>
    join(tx, storeId, input.token, async (email) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
      if (existing) {
        throw new InvitationError(
          "This address cannot get a new account. If you already have an Orion account, sign in with it to accept.",
        );
      }
      const name = usernameField.safeParse(input.username);
      if (!name.success) throw new InvitationError(name.error.issues[0]!.message);
      const password = newPasswordSchema(AREAS.store.minPasswordChars).safeParse(input.password);
      if (!password.success) throw new InvitationError(password.error.issues[0]!.message);
      // A weak password is a 422 on `password`; the transaction rolls back and the link stays unspent.
      const [store] = await tx
        .select({ name: stores.name, slug: stores.slug, code: stores.code })
        .from(stores)
        .where(eq(stores.id, storeId));
      assertStrongPassword(password.data, [name.data, email, store?.name, store?.slug, store?.code]);
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.username})`, name.data.toLowerCase()));
      if (taken) throw new InvitationError("That username is taken; choose another.");
      const [created] = await tx
        .insert(users)
        .values({
          username: name.data,
          email,
          role: "store",
          passwordHash: await hashPassword(password.data),
        })
        .returning({ id: users.id, username: users.username });
      return created!;
    }),
  );
  await recordAuthEvent("invitation_accepted", { area: "store", storeId, userId: account.id }, ctx);
  return { userId: account.id, username: account.username };
}

/**
 * The existing account `user` joins, once it has signed in as the invited address (password,
 * then its second factor). Another account's sign-in leaves the invitation unspent.
 */
export async function joinWithAccount(
  storeId: string,
  token: string,
  user: { id: string; email: string },
  ctx: RequestContext,
): Promise<StoreRole> {
  const { role } = await db().transaction((tx) =>
    join(tx, storeId, token, async (email) => {
      if (email.toLowerCase() !== user.email.toLowerCase()) throw badLink();
      return user;
    }),
  );
  await recordAuthEvent("invitation_accepted", { area: "store", storeId, userId: user.id }, ctx);
  return role;
}

/** Locks the store's owners and fails when `userId` is the last active one. */
async function assertNotLastOwner(tx: Tx, storeId: string, userId: string, what: string): Promise<void> {
  const owners = await tx
    .select({ userId: storeMembers.userId })
    .from(storeMembers)
    .where(
      and(eq(storeMembers.storeId, storeId), eq(storeMembers.role, "owner"), eq(storeMembers.isActive, true)),
    )
    .for("update");
  if (owners.length === 1 && owners[0]!.userId === userId) {
    throw new ApiError("CONFLICT", { message: `The last owner of a store cannot be ${what}` });
  }
}

export async function changeMemberRole(
  actor: StorePrincipal,
  userId: string,
  role: StoreRole,
  ctx: RequestContext,
): Promise<void> {
  const storeId = actor.store.id;
  const previous = await db().transaction(async (tx) => {
    const [member] = await tx
      .select({ role: storeMembers.role })
      .from(storeMembers)
      .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.userId, userId)))
      .for("update");
    if (!member) throw new ApiError("NOT_FOUND", { message: "No such team member" });
    if (member.role === "owner" && role !== "owner") await assertNotLastOwner(tx, storeId, userId, "demoted");
    await tx
      .update(storeMembers)
      .set({ role })
      .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.userId, userId)));
    return member.role;
  });
  await recordAuthEvent(
    "member_role_changed",
    { area: "store", storeId, userId: actor.id, details: { member: userId, from: previous, to: role } },
    ctx,
  );
}

/** Removes a member and ends that member's sessions in this store at once. */
export async function removeMember(
  actor: StorePrincipal,
  userId: string,
  ctx: RequestContext,
): Promise<void> {
  const storeId = actor.store.id;
  await db().transaction(async (tx) => {
    const [member] = await tx
      .select({ role: storeMembers.role })
      .from(storeMembers)
      .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.userId, userId)))
      .for("update");
    if (!member) throw new ApiError("NOT_FOUND", { message: "No such team member" });
    if (member.role === "owner") await assertNotLastOwner(tx, storeId, userId, "removed");
    await tx
      .delete(storeMembers)
      .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.userId, userId)));
    await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: "member_removed" })
      .where(
        and(
          eq(sessions.userId, userId),
          eq(sessions.storeId, storeId),
          eq(sessions.area, "store"),
          isNull(sessions.revokedAt),
        ),
      );
  });
  await recordAuthEvent(
    "member_removed",
    { area: "store", storeId, userId: actor.id, details: { member: userId } },
    ctx,
  );
}

export const mfaPolicySchema = z.object({
  require_staff_mfa: z.boolean({ error: "require_staff_mfa must be true or false" }),
});

export async function staffMfaRequired(storeId: string): Promise<boolean> {
  const [row] = await db()
    .select({ required: stores.requireStaffMfa })
    .from(stores)
    .where(eq(stores.id, storeId));
  return row?.required ?? false;
}

/**
 * The owner's rule that every member signs in with a second factor. Members without one are
 * sent to set it up at their next request. The owner turns it on only with their own on.
 */
export async function setStaffMfaRequired(
  actor: StorePrincipal,
  required: boolean,
  ctx: RequestContext,
): Promise<void> {
  if (required && !(await hasTotp({ userId: actor.id }))) {
    throw new ApiError("CONFLICT", { message: "Turn on two-factor sign-in for yourself first (Security)." });
  }
  await db().update(stores).set({ requireStaffMfa: required }).where(eq(stores.id, actor.store.id));
  await recordAuthEvent(
    "store_mfa_policy_changed",
    {
      area: "store",
      userId: actor.id,
      storeId: actor.store.id,
      sessionId: actor.sessionId,
      details: { require_staff_mfa: required },
    },
    ctx,
  );
}
