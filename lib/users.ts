// Look-ups of platform users (admins and store staff) shared by the areas that sign them in.
import "server-only";
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type User, sessions, users } from "@/db/schema";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { isOwnPassword } from "@/lib/auth/own-password";
import { AREAS } from "@/lib/auth/areas";
import { hashPassword, newPasswordSchema } from "@/lib/auth/passwords";
import { endResetLinks } from "@/lib/auth/reset";
import type { RequestContext } from "@/lib/http";
import { withConfirmation } from "@/lib/validation";

/** The user whose username or email is `identifier`, ignoring case. */
export async function findUserByLogin(identifier: string): Promise<User | undefined> {
  const lowered = identifier.toLowerCase();
  const [user] = await db()
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, lowered), eq(sql`lower(${users.email})`, lowered)))
    .limit(1);
  return user;
}

/** The user whose email is `email`, ignoring case. */
export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await db()
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return user;
}

/** The change-password form of admins and staff: the current password, the new one twice. */
export const userPasswordChangeForm = withConfirmation(
  z.object({
    current_password: z.string().min(1, { message: "Enter your current password" }),
    new_password: newPasswordSchema(AREAS.admin.minPasswordChars),
  }),
  "new_password",
);

/**
 * Changes a user's password after checking the current one (a guess that counts on the
 * account's lock), ends every other session of that user and spends any reset link mailed
 * before; the session that asked keeps going. A weak new password is refused (422 on
 * `new_password`); `related` are details it must not resemble besides the user's own (the
 * store's name).
 */
export async function changeUserPassword(
  who: { userId: string; sessionId: string; area: "admin" | "store"; storeId: string | null },
  current: string,
  next: string,
  related: readonly string[],
  ctx: RequestContext,
): Promise<boolean> {
  const [user] = await db().select().from(users).where(eq(users.id, who.userId));
  if (!user) return false;
  assertStrongPassword(next, [user.username, user.email, ...related], "new_password");
  const check = {
    account: { userId: user.id },
    passwordHash: user.passwordHash,
    area: who.area,
    storeId: who.storeId,
    sessionId: who.sessionId,
  };
  if (!(await isOwnPassword(check, current, ctx))) return false;
  const passwordHash = await hashPassword(next);
  await db().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: "password_changed" })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, who.sessionId), isNull(sessions.revokedAt)));
    await endResetLinks(tx, { userId: user.id });
  });
  return true;
}
