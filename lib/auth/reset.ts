// Password reset for every area: a request always gets the same answer; the link
// holds a random token stored hashed, valid 30 minutes, single use, and replaced by a newer
// request; resetting ends every session of the account.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { after } from "next/server";
import { db } from "@/db/client";
import { customers, oneTimeTokens, stores, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import { passwordResetMail } from "@/lib/mail/templates";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { issueOneTimeToken, peekOneTimeToken, spendOneTimeToken, spendTokensOf } from "@/lib/one-time-tokens";
import { AREAS, type AreaName } from "./areas";
import { z } from "zod";
import { emailField, textField } from "@/lib/validation";
import { assertStrongPassword } from "./password-strength";
import { hashPassword, newPasswordSchema } from "./passwords";
import { accountAllows, spend } from "./throttle";

const RESET_MINUTES = 30;

class WrongPlace extends Error {}

/** The area asked at, its store where the area has one, and a storefront's brand for the mail. */
export type ResetTarget = {
  area: AreaName;
  storeId?: string;
  brand?: { name: string; color: string };
};

/**
 * Sends a reset link to the account with this email in the area, if there is one. `link`
 * builds the page address for a token. Answers nothing either way: the caller says the same.
 */
export async function requestPasswordReset(
  target: ResetTarget,
  email: string,
  link: (token: string) => string | Promise<string>,
  ctx: RequestContext,
): Promise<void> {
  const lowered = email.toLowerCase();
  await spend("forgot", ctx.ip);
  const def = AREAS[target.area];
  const storeId = def.storeScoped ? (target.storeId ?? null) : null;
  let principal: { userId?: string; customerId?: string; email: string } | null = null;
  if (def.account.table === "customers") {
    const [c] = storeId
      ? await db()
          .select({ id: customers.id, email: customers.email, active: customers.isActive })
          .from(customers)
          .where(and(eq(customers.storeId, storeId), eq(sql`lower(${customers.email})`, lowered)))
      : [];
    if (c?.active) principal = { customerId: c.id, email: c.email };
  } else {
    const [u] = await db()
      .select({ id: users.id, email: users.email, role: users.role, active: users.isActive })
      .from(users)
      .where(eq(sql`lower(${users.email})`, lowered));
    if (u?.active && u.role === def.account.role) principal = { userId: u.id, email: u.email };
  }
  await recordAuthEvent(
    "password_reset_requested",
    {
      area: target.area,
      storeId,
      userId: principal?.userId,
      customerId: principal?.customerId,
      identifier: lowered.slice(0, 254),
    },
    ctx,
  );
  if (!principal) return;
  // The link is made and mailed after the answer: an existing address answers as fast as an
  // unknown one, and a slow mail server holds nobody up.
  const account = principal;
  after(async () => {
    try {
      // Addresses asked for too often get the same silence as unknown ones.
      if (!(await accountAllows("forgotAccount", `${target.area}:${storeId ?? "-"}:${lowered}`))) return;
      // A newer request replaces every earlier link of the account.
      await endResetLinks(
        db(),
        account.userId ? { userId: account.userId } : { customerId: account.customerId! },
      );
      const { token } = await issueOneTimeToken(
        "password_reset",
        {
          userId: account.userId,
          customerId: account.customerId,
          storeId,
          email: account.email,
          data: { area: target.area },
        },
        RESET_MINUTES / 60,
      );
      await sendMail(
        passwordResetMail(
          account.email,
          await link(token),
          // A shopper's link comes from the store and is filed under it; staff and admins hear from Orion.
          target.brand ? { ...target.brand, storeId: target.storeId } : undefined,
        ),
      );
    } catch (error) {
      log.warn(
        { err: error instanceof Error ? error : new Error(String(error)), kind: "password_reset" },
        "reset mail not sent",
      );
    }
  });
}

/**
 * Spends the account's outstanding reset links. Called wherever its credentials or standing
 * change (password changed or reset, two-factor turned on or off, account deactivated): a
 * link mailed before must not undo the change.
 */
export function endResetLinks(
  tx: Parameters<typeof spendTokensOf>[0],
  account: { userId: string } | { customerId: string },
): Promise<void> {
  return spendTokensOf(tx, "password_reset", account);
}

type ResetLink = typeof oneTimeTokens.$inferSelect;

function isFor(row: ResetLink, area: AreaName, storeId: string | null): boolean {
  return row.data?.area === area && (!AREAS[area].storeScoped || row.storeId === storeId);
}

/** The details of the account a link resets, which its new password must not resemble. */
async function accountDetails(row: ResetLink): Promise<(string | null)[]> {
  const details: (string | null)[] = [row.email];
  if (row.customerId) {
    const [c] = await db()
      .select({ firstName: customers.firstName, lastName: customers.lastName })
      .from(customers)
      .where(eq(customers.id, row.customerId));
    details.push(c?.firstName ?? null, c?.lastName ?? null);
  } else if (row.userId) {
    const [u] = await db().select({ username: users.username }).from(users).where(eq(users.id, row.userId));
    details.push(u?.username ?? null);
  }
  if (row.storeId) {
    const [s] = await db()
      .select({ name: stores.name, slug: stores.slug, code: stores.code })
      .from(stores)
      .where(eq(stores.id, row.storeId));
    details.push(s?.name ?? null, s?.slug ?? null, s?.code ?? null);
  }
  return details;
}

/**
 * Sets a new password from a reset link and ends every session of the account. False when the
 * link is unknown, used, expired, or for another area or store; a weak password is refused
 * (422 on `password`) before the link is spent, so the same link works for a better one.
 */
export async function resetPassword(
  area: AreaName,
  storeId: string | null,
  token: string,
  password: string,
  ctx: RequestContext,
): Promise<boolean> {
  await spend("reset", ctx.ip);
  const link = await peekOneTimeToken("password_reset", token);
  if (link && isFor(link, area, storeId)) assertStrongPassword(password, await accountDetails(link));
  const passwordHash = await hashPassword(password);
  const done = await db()
    .transaction(async (tx) => {
      const row = await spendOneTimeToken(tx, "password_reset", token);
      if (!row) return null;
      // A link used in the wrong place stays unspent for the right one.
      if (!isFor(row, area, storeId)) throw new WrongPlace();
      if (row.customerId) {
        await tx
          .update(customers)
          // A customer who signed up with a provider gets their first password this way too.
          .set({ passwordHash, hasPassword: true, tokenVersion: sql`${customers.tokenVersion} + 1` })
          .where(eq(customers.id, row.customerId));
        await endResetLinks(tx, { customerId: row.customerId });
      } else if (row.userId) {
        await tx
          .update(users)
          .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1` })
          .where(eq(users.id, row.userId));
        await endResetLinks(tx, { userId: row.userId });
      } else {
        return null;
      }
      return row;
    })
    .catch((error: unknown) => {
      if (error instanceof WrongPlace) return null;
      throw error;
    });
  if (!done) return false;
  await recordAuthEvent(
    "password_reset",
    { area, storeId: done.storeId, userId: done.userId, customerId: done.customerId },
    ctx,
  );
  return true;
}

export const forgotSchema = z.object({ email: emailField });

export function resetSchema(area: AreaName) {
  return z.object({
    token: textField({ required: "The link is incomplete", trim: false })
      .min(1, { message: "The link is incomplete" })
      .max(128),
    password: newPasswordSchema(AREAS[area].minPasswordChars),
  });
}

export const FORGOT_ANSWER =
  "If an account exists for this address, a reset link is on its way. It works for 30 minutes.";
export const RESET_REFUSED = "This reset link is invalid, already used or expired. Ask for a new one.";
