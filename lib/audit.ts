// The audit trail: every auth event becomes a row of auth_events and a log line;
// changes of credentials are also mailed to the account's owner (lib/mail/account-notices).
import "server-only";
import { after } from "next/server";
import type { AuthEvent } from "@/db/schema";
import { type AuthEventType, writeAuthEvent } from "@/lib/auth-events";
import type { RequestContext } from "@/lib/http";
import { noticeAccountChange } from "@/lib/mail/account-notices";
import { type AccountChange, isAccountChange } from "@/lib/mail/templates";

export type { AuthEventType } from "@/lib/auth-events";

export async function recordAuthEvent(
  type: AuthEventType,
  event: Omit<AuthEvent, "type" | "ip" | "userAgent">,
  ctx: RequestContext,
): Promise<void> {
  await writeAuthEvent(type as Exclude<AuthEventType, AccountChange>, event, ctx);
  // A change of credentials is also told to the account's owner, by mail, once the answer
  // has gone: a slow mail server never holds up the change (the notice logs its own failure).
  if (isAccountChange(type)) after(() => noticeAccountChange(type, event, ctx.ip));
}
