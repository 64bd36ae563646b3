// Managing one's own two-factor sign-in, for the API and the pages of every area: set up
// (after the password, docs/security.md, S44), confirm with a code, turn off or renew the recovery
// codes (password and a code).
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { customers, users } from "@/db/schema";
import { methodAnswer } from "@/lib/http/methods";
import { type RequestContext, json, readJson } from "@/lib/http";
import type { TotpRoutes } from "@/lib/http/routes/totp";
import { AREAS, type AreaName } from "./areas";
import type { AdminPrincipal, CustomerPrincipal, StorePrincipal } from "./guards";
import { ApiError } from "@/lib/http/errors";
import {
  type MfaPrincipal,
  beginTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  recoveryCodeField,
  regenerateRecoveryCodes,
  totpCodeField,
  totpStatus,
} from "./mfa";
import { isOwnPassword } from "./own-password";

/** Whose factor, where the change is recorded, and how the authenticator app names it. */
export type TotpHolder = {
  principal: MfaPrincipal;
  area: AreaName;
  storeId: string | null;
  sessionId: string;
  issuer: string;
  label: string;
};

const passwordField = z
  .string({ error: "Enter your password" })
  .min(1, { message: "Enter your password" })
  .max(1024);

export const setupSchema = z.object({ password: passwordField });
export const enableSchema = z.object({ code: totpCodeField });
export const changeSchema = z
  .object({
    password: passwordField,
    code: totpCodeField.optional(),
    recovery_code: recoveryCodeField.optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.recovery_code), {
    message: "Send either code or recovery_code",
    path: ["code"],
  });

/** Re-authentication before a factor change: a wrong password is a field error, nothing changes. */
async function assertOwnPassword(holder: TotpHolder, password: string, ctx: RequestContext): Promise<void> {
  const p = holder.principal;
  const [row] = p.userId
    ? await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, p.userId))
    : await db()
        .select({ hash: customers.passwordHash })
        .from(customers)
        .where(eq(customers.id, p.customerId!));
  const account = p.userId ? { userId: p.userId } : { customerId: p.customerId! };
  const { area, storeId, sessionId } = holder;
  if (
    !row ||
    !(await isOwnPassword({ account, passwordHash: row.hash, area, storeId, sessionId }, password, ctx))
  ) {
    throw new ApiError("VALIDATION_ERROR", {
      details: [{ field: "password", message: "That is not your password" }],
    });
  }
}

export async function startSetup(holder: TotpHolder, password: string, ctx: RequestContext) {
  await assertOwnPassword(holder, password, ctx);
  return beginTotpEnrolment(holder.principal, holder.label, holder.issuer);
}

export function confirmSetup(holder: TotpHolder, code: string, ctx: RequestContext): Promise<string[]> {
  return confirmTotpEnrolment(holder.principal, code, holder, ctx);
}

export async function turnOff(
  holder: TotpHolder,
  input: z.infer<typeof changeSchema>,
  ctx: RequestContext,
): Promise<void> {
  await assertOwnPassword(holder, input.password, ctx);
  await disableTotp(holder.principal, input, holder, ctx);
}

export async function renewRecoveryCodes(
  holder: TotpHolder,
  input: z.infer<typeof changeSchema>,
  ctx: RequestContext,
): Promise<string[]> {
  await assertOwnPassword(holder, input.password, ctx);
  return regenerateRecoveryCodes(holder.principal, input, holder, ctx);
}

type TotpAction = Exclude<keyof TotpRoutes, "status">;

/**
 * The answer of one of the TOTP routes (GET status; POST setup {password} → secret and
 * otpauth URI; POST enable {code} → recovery codes; POST disable and POST recovery-codes
 * {password, code | recovery_code}), its body already read with the route's schema.
 */
export async function totpAnswer(
  action: TotpAction | undefined,
  holder: TotpHolder,
  body: unknown,
  ctx: RequestContext,
): Promise<Response> {
  switch (action) {
    case undefined: {
      const state = await totpStatus(holder.principal);
      return json({
        enabled: state.enabled,
        enabled_at: state.enabledAt?.toISOString() ?? null,
        recovery_codes_left: state.recoveryCodesLeft,
      });
    }
    case "setup": {
      const { password } = body as z.infer<typeof setupSchema>;
      const enrolment = await startSetup(holder, password, ctx);
      return json({ secret: enrolment.secret, otpauth_uri: enrolment.uri });
    }
    case "enable": {
      const { code } = body as z.infer<typeof enableSchema>;
      return json({ enabled: true, recovery_codes: await confirmSetup(holder, code, ctx) });
    }
    case "disable":
      await turnOff(holder, body as z.infer<typeof changeSchema>, ctx);
      return json({ enabled: false });
    case "recovery-codes":
      return json({
        recovery_codes: await renewRecoveryCodes(holder, body as z.infer<typeof changeSchema>, ctx),
      });
  }
}

/** Which TOTP route `action` (the path segment after `totp`) names, if any. */
export function totpAction(action: string | undefined): TotpAction | undefined | null {
  if (action === undefined) return undefined;
  return ["setup", "enable", "disable", "recovery-codes"].includes(action) ? (action as TotpAction) : null;
}

/**
 * A router of `…/totp[/action]` over the area's TOTP rows of the route table. The path and
 * method are judged before `holder` signs in; then the body is read with the row's schema.
 */
export async function totpEndpoint(
  request: Request,
  action: string | undefined,
  holder: () => Promise<TotpHolder>,
  ctx: RequestContext,
  routes: TotpRoutes,
): Promise<Response> {
  const named = totpAction(action);
  if (named === null) throw new ApiError("NOT_FOUND");
  const route = routes[named ?? "status"];
  const refused = methodAnswer(request, [route.method]);
  if (refused) return refused;
  const signedIn = await holder();
  const body = "body" in route ? await readJson(request, route.body) : undefined;
  return totpAnswer(named, signedIn, body, ctx);
}

/** The holder behind a signed-in principal: staff factors belong to the person, a shopper's to the store's account. */
export function totpHolder(p: AdminPrincipal | StorePrincipal | CustomerPrincipal): TotpHolder {
  const def = AREAS[p.area];
  const store = "store" in p ? p.store : null;
  const ofStore = def.account.table === "customers";
  return {
    principal: ofStore ? { customerId: p.id } : { userId: p.id },
    area: p.area,
    storeId: def.storeScoped && store ? store.id : null,
    sessionId: p.sessionId,
    // A shopper's app names the shop; staff and admins have one Orion account wherever they work.
    issuer: ofStore && store ? store.name : "Orion",
    label: "username" in p ? p.username : p.email,
  };
}

/** What the settings form shows: on or off, since when, how many recovery codes are left. */
export async function totpStatusView(holder: TotpHolder) {
  const status = await totpStatus(holder.principal);
  return {
    enabled: status.enabled,
    enabledAt: status.enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: status.recoveryCodesLeft,
  };
}
