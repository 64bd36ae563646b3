// The row of auth_events and the log line of an auth event (lib/audit adds the owner's mail for
// a change of credentials). Kept apart so the request layer's page renewal records its refresh
// without loading the mailer.
import "server-only";
import { db } from "@/db/client";
import { authEvents, type AuthEvent } from "@/db/schema";
import type { AuthEventType } from "@/lib/audit-events";
import type { RequestContext } from "@/lib/http";
import { log } from "@/lib/log";
import type { AccountChange } from "@/lib/mail/templates";

export type { AuthEventType };

/** Writes the row and the log line; a change of credentials goes through recordAuthEvent. */
export async function writeAuthEvent(
  type: Exclude<AuthEventType, AccountChange>,
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
}
