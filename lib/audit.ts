// The audit trail: every auth event becomes a row of auth_events and a log line;
// changes of credentials are also mailed to the account's owner (lib/mail/account-notices).
import "server-only";
import { after } from "next/server";
import { db } from "@/db/client";
import { authEvents, type AuthEvent } from "@/db/schema";
import type { RequestContext } from "@/lib/http";
import type { AuthEventType } from "@/lib/audit-events";
import { log } from "@/lib/log";
import { noticeAccountChange } from "@/lib/mail/account-notices";
import { isAccountChange } from "@/lib/mail/templates";

export type { AuthEventType } from "@/lib/audit-events";

export async function recordAuthEvent(
  type: AuthEventType,
  event: Omit<AuthEvent, "type" | "ip" | "userAgent">,
  ctx: RequestContext,
): Promise<void> {
  await db()
    .insert(authEvents)
    .values({ ...event, type, ip: ctx.ip, userAgent: ctx.userAgent });
  // The same facts as the row, for the log pipeline; the identifier is what was typed at
  // login (never a secret), cut like the row's, and JSON keeps it on one line.
  log.info(
    {
      event: type,
      area: event.area,
      store_id: event.storeId ?? null,
      user_id: event.userId ?? null,
      customer_id: event.customerId ?? null,
      session_id: event.sessionId ?? null,
      identifier: event.identifier?.slice(0, 254) ?? undefined,
      details: event.details ?? undefined,
      ip: ctx.ip,
      request_id: ctx.requestId,
    },
    "auth event",
  );
  // A change of credentials is also told to the account's owner, by mail, once the answer
  // has gone: a slow mail server never holds up the change (the notice logs its own failure).
  if (isAccountChange(type)) after(() => noticeAccountChange(type, event, ctx.ip));
}
