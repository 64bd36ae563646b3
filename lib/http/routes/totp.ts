// The five routes of one's own two-factor sign-in, the same in every area under its prefix.
import { z } from "zod";
import type { AreaName } from "@/lib/auth/areas";
import { changeSchema, enableSchema, setupSchema } from "@/lib/auth/totp-account";
import { type RouteTag, route } from "./route";
import { totpStatus } from "./views";

const recoveryCodes = z.array(z.string());

export function totpRoutes(prefix: string, area: AreaName, tag: RouteTag, name: string) {
  const common = { area, tag } as const;
  return {
    status: route({
      ...common,
      method: "GET",
      path: `${prefix}/totp`,
      operationId: `${name}TotpStatus`,
      summary: "Two-factor sign-in: status",
      responses: { 200: totpStatus },
    }),
    setup: route({
      ...common,
      method: "POST",
      path: `${prefix}/totp/setup`,
      operationId: `${name}TotpSetup`,
      summary: "Two-factor sign-in: start setting up (after the password)",
      body: setupSchema,
      responses: { 200: z.object({ secret: z.string(), otpauth_uri: z.string() }) },
      errors: ["CONFLICT", "RATE_LIMITED"],
    }),
    enable: route({
      ...common,
      method: "POST",
      path: `${prefix}/totp/enable`,
      operationId: `${name}TotpEnable`,
      summary: "Two-factor sign-in: confirm with a code, receive recovery codes",
      body: enableSchema,
      responses: { 200: z.object({ enabled: z.literal(true), recovery_codes: recoveryCodes }) },
      errors: ["CONFLICT", "INVALID_MFA_CODE"],
    }),
    disable: route({
      ...common,
      method: "POST",
      path: `${prefix}/totp/disable`,
      operationId: `${name}TotpDisable`,
      summary: "Two-factor sign-in: turn off (password and a code)",
      body: changeSchema,
      responses: { 200: z.object({ enabled: z.literal(false) }) },
      errors: ["CONFLICT", "INVALID_MFA_CODE", "RATE_LIMITED"],
    }),
    "recovery-codes": route({
      ...common,
      method: "POST",
      path: `${prefix}/totp/recovery-codes`,
      operationId: `${name}TotpRecoveryCodes`,
      summary: "Two-factor sign-in: new recovery codes (password and a code)",
      body: changeSchema,
      responses: { 200: z.object({ recovery_codes: recoveryCodes }) },
      errors: ["CONFLICT", "INVALID_MFA_CODE", "RATE_LIMITED"],
    }),
  };
}

export type TotpRoutes = ReturnType<typeof totpRoutes>;
