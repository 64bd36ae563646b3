// The current password asked again inside a session (changing the password, two-factor
// changes). It is a guess like a login's: it spends the IP's budget and counts on the
// account's lock, so a stolen session cannot try passwords without limit, and a lock taken
// here closes the login too (and the other way round).
import "server-only";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import type { AreaName } from "./areas";
import { verifyPassword } from "./passwords";
import { type LockAccount, accountLockKey, lockedError, lockedUntil, recordFailure, spend } from "./throttle";

export type OwnPasswordCheck = {
  account: LockAccount;
  /** The account's password hash now. */
  passwordHash: string;
  area: AreaName;
  storeId: string | null;
  sessionId: string;
};

/** True when `password` is the account's; 423 while the account is locked. */
export async function isOwnPassword(
  check: OwnPasswordCheck,
  password: string,
  ctx: RequestContext,
): Promise<boolean> {
  await spend("reauth", ctx.ip, check.area);
  const key = accountLockKey(check.account);
  const until = await lockedUntil(key);
  if (until) throw lockedError(until);
  if (await verifyPassword(password, check.passwordHash)) return true;
  if (await recordFailure(key)) {
    await recordAuthEvent(
      "account_locked",
      {
        area: check.area,
        storeId: check.storeId,
        userId: "userId" in check.account ? check.account.userId : null,
        customerId: "customerId" in check.account ? check.account.customerId : null,
        sessionId: check.sessionId,
        details: { stage: "current_password" },
      },
      ctx,
    );
  }
  return false;
}
