// The row of auth_events and the log line of an auth event (lib/audit adds the owner's mail for
// a change of credentials). Kept apart so the request layer's page renewal records its refresh
// without loading the mailer.
import "server-only";
import { db } from "@/db/client";
import { authEvents, type AuthEvent } from "@/db/schema";
import type { RequestContext } from "@/lib/http";
import { log } from "@/lib/log";
import type { AccountChange } from "@/lib/mail/templates";

export type AuthEventType =
  | "login_succeeded"
  | "login_failed"
  | "logout"
  | "token_refreshed"
  | "refresh_token_reused"
  | "password_changed"
  | "password_set"
  | "member_invited"
  | "invitation_accepted"
  | "member_role_changed"
  | "member_removed"
  | "store_created"
  | "store_suspended"
  | "store_reactivated"
  | "user_deactivated"
  | "user_reactivated"
  | "customer_deactivated"
  | "customer_registered"
  | "password_reset_requested"
  | "password_reset"
  | "email_verified"
  | "login_locked"
  | "account_locked"
  | "account_unlocked"
  | "mfa_challenged"
  | "mfa_enabled"
  | "mfa_disabled"
  | "recovery_code_used"
  | "recovery_codes_regenerated"
  | "mail_retried"
  | "store_mfa_policy_changed"
  | "social_login"
  | "social_linked"
  | "social_unlinked"
  | "social_sign_in_refused"
  | "store_sign_in_providers_changed";

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
