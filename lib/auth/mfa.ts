// Two-factor sign-in (docs/security.md, S35, S52): TOTP per RFC 6238 with otplib, ten
// one-time recovery codes, and the pending second step of a login. Users (admins and staff)
// and customers share it; a principal is one or the other.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { z } from "zod";
import { db } from "@/db/client";
import { mfaChallenges, recoveryCodes, sessions, totpFactors } from "@/db/schema";
import { type AuthEventType, recordAuthEvent } from "@/lib/audit";
import { config } from "@/lib/config";
import type { RequestContext } from "@/lib/http";
import { textField } from "@/lib/validation";
import type { AreaName } from "./areas";
import { ApiError } from "@/lib/http/errors";
import { endResetLinks } from "./reset";
import { hashToken } from "./sessions";
import { keyId } from "./tokens";

/** Six digits every 30 s (what every authenticator app shows); one step of clock drift either way. */
const TOTP = { digits: 6, period: 30, toleranceSeconds: 30 } as const;
/** The second step must follow the password within ten minutes, in at most five tries (S35, S51). */
export const CHALLENGE = { seconds: 10 * 60, attempts: 5 } as const;
const RECOVERY_CODE_COUNT = 10;

export type MfaPrincipal =
  { userId: string; customerId?: undefined } | { customerId: string; userId?: undefined };

/** Where the principal's rows are: `userId = …` or `customerId = …`. */
function ownedBy<T extends { userId: unknown; customerId: unknown }>(table: T, p: MfaPrincipal) {
  const t = table as unknown as typeof totpFactors;
  return p.userId ? eq(t.userId, p.userId) : eq(t.customerId, p.customerId!);
}

function sessionsOf(p: MfaPrincipal) {
  return p.userId ? eq(sessions.userId, p.userId) : eq(sessions.customerId, p.customerId!);
}

// --- The secret, encrypted at rest -------------------------------------------------------
// AES-256-GCM under a key derived (HKDF) from the token signing secret; the key's id is kept
// with the ciphertext, so secrets stay readable while JWT_PREVIOUS_SECRET_KEYS holds the old key.

function encryptionKey(signingSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", signingSecret, "orion", "totp-secret-encryption", 32));
}

export function encryptSecret(plain: string): string {
  const signing = config().jwtSecrets.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(signing), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    keyId(signing),
    iv.toString("base64url"),
    data.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

export function decryptSecret(stored: string): string | null {
  const [version, kid, iv, data, tag] = stored.split(".");
  const { current, previous } = config().jwtSecrets;
  const signing = [current, ...previous].find((s) => keyId(s) === kid);
  if (version !== "v1" || !signing || !iv || !data || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(signing), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

// --- Codes --------------------------------------------------------------------------------

export const totpCodeField = z
  .string({ error: "Enter the 6-digit code" })
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { message: "Enter the 6-digit code from your app" }));

export const recoveryCodeField = z
  .string({ error: "Enter a recovery code" })
  .transform(normalizeRecoveryCode)
  .pipe(z.string().regex(/^[A-Z2-7]{16}$/, { message: "Recovery codes look like ABCD-EFGH-JKLM-NPQR" }));

/** A second factor as typed: an app code or a recovery code, exactly one. */
export type SecondFactor = { code?: string; recovery_code?: string };

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function normalizeRecoveryCode(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

/** 16 base32 characters (80 bits), shown in groups of four. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => BASE32[randomInt(32)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

function recoveryHash(code: string): string {
  return createHash("sha256")
    .update(`orion-recovery:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

/** The time step a code belongs to, if it is valid now (±1 step) and newer than `after`. */
async function matchingStep(secret: string, code: string, after: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    digits: TOTP.digits,
    period: TOTP.period,
    epochTolerance: TOTP.toleranceSeconds,
    ...(after !== null ? { afterTimeStep: after } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// --- Status and enrolment -----------------------------------------------------------------

export type TotpStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

export async function totpStatus(p: MfaPrincipal): Promise<TotpStatus> {
  const [factor] = await db().select().from(totpFactors).where(ownedBy(totpFactors, p));
  const enabledAt = factor?.enabledAt ?? null;
  if (!enabledAt) return { enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
  const [left] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(ownedBy(recoveryCodes, p), isNull(recoveryCodes.usedAt)));
  return { enabled: true, enabledAt, recoveryCodesLeft: left?.n ?? 0 };
}

export async function hasTotp(p: MfaPrincipal): Promise<boolean> {
  const [factor] = await db()
    .select({ enabledAt: totpFactors.enabledAt })
    .from(totpFactors)
    .where(ownedBy(totpFactors, p));
  return Boolean(factor?.enabledAt);
}

export type TotpEnrolment = { secret: string; uri: string };

/**
 * Starts enrolment: a new secret (160 bits) waiting for its confirming code. The caller has
 * checked the password (S44). Starting again replaces a secret that was never confirmed.
 */
export async function beginTotpEnrolment(
  p: MfaPrincipal,
  label: string,
  issuer: string,
): Promise<TotpEnrolment> {
  if (await hasTotp(p)) throw new ApiError("CONFLICT", { message: "Two-factor sign-in is already on." });
  const secret = generateSecret({ length: 20 });
  const secretEncrypted = encryptSecret(secret);
  await db().transaction(async (tx) => {
    await tx.delete(totpFactors).where(ownedBy(totpFactors, p));
    await tx
      .insert(totpFactors)
      .values({ userId: p.userId ?? null, customerId: p.customerId ?? null, secretEncrypted });
  });
  const uri = generateURI({ issuer, label, secret, digits: TOTP.digits, period: TOTP.period });
  return { secret, uri };
}

type AuditTarget = { area: AreaName; storeId?: string | null; sessionId: string };

async function audit(
  type: AuthEventType,
  p: MfaPrincipal,
  target: AuditTarget,
  ctx: RequestContext,
): Promise<void> {
  await recordAuthEvent(
    type,
    {
      area: target.area,
      userId: p.userId ?? null,
      customerId: p.customerId ?? null,
      storeId: target.storeId ?? null,
      sessionId: target.sessionId,
    },
    ctx,
  );
}

/**
 * A factor change ends every other session of the principal (S32), the one that asked goes
 * on, and spends any reset link mailed before the change.
 */
async function endOtherSessions(p: MfaPrincipal, currentSessionId: string, reason: string): Promise<void> {
  await db().transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(sessionsOf(p), ne(sessions.id, currentSessionId), isNull(sessions.revokedAt)));
    await endResetLinks(tx, p.userId ? { userId: p.userId } : { customerId: p.customerId! });
  });
}

async function replaceRecoveryCodes(p: MfaPrincipal): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db().transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(ownedBy(recoveryCodes, p));
    await tx.insert(recoveryCodes).values(
      codes.map((code) => ({
        codeHash: recoveryHash(code),
        userId: p.userId ?? null,
        customerId: p.customerId ?? null,
      })),
    );
  });
  return codes;
}

export const WRONG_CODE = () =>
  new ApiError("INVALID_MFA_CODE", { details: [{ field: "code", message: "That code is not valid" }] });

/** Confirms enrolment with a code from the app; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(
  p: MfaPrincipal,
  code: string,
  target: AuditTarget,
  ctx: RequestContext,
): Promise<string[]> {
  const [factor] = await db().select().from(totpFactors).where(ownedBy(totpFactors, p));
  if (!factor || factor.enabledAt) {
    throw new ApiError("CONFLICT", {
      message: factor ? "Two-factor sign-in is already on." : "Start the set-up first.",
    });
  }
  const secret = decryptSecret(factor.secretEncrypted);
  const step = secret ? await matchingStep(secret, code, null) : null;
  if (step === null) throw WRONG_CODE();
  const [enabled] = await db()
    .update(totpFactors)
    .set({ enabledAt: new Date(), lastStep: step })
    .where(and(eq(totpFactors.id, factor.id), isNull(totpFactors.enabledAt)))
    .returning({ id: totpFactors.id });
  if (!enabled) throw new ApiError("CONFLICT", { message: "Two-factor sign-in is already on." });
  const codes = await replaceRecoveryCodes(p);
  await endOtherSessions(p, target.sessionId, "mfa_enabled");
  await audit("mfa_enabled", p, target, ctx);
  return codes;
}

/**
 * Checks a second factor: an app code newer than the last one accepted (so a code works
 * once), or an unused recovery code, which is spent. True when it passed.
 */
export async function checkSecondFactor(
  p: MfaPrincipal,
  factor: SecondFactor,
  target: Omit<AuditTarget, "sessionId"> & { sessionId?: string | null },
  ctx: RequestContext,
): Promise<boolean> {
  if (factor.recovery_code) {
    const [spent] = await db()
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.codeHash, recoveryHash(factor.recovery_code)),
          ownedBy(recoveryCodes, p),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ codeHash: recoveryCodes.codeHash });
    if (!spent) return false;
    await recordAuthEvent(
      "recovery_code_used",
      {
        area: target.area,
        userId: p.userId ?? null,
        customerId: p.customerId ?? null,
        storeId: target.storeId ?? null,
        sessionId: target.sessionId ?? null,
      },
      ctx,
    );
    return true;
  }
  const [row] = await db()
    .select()
    .from(totpFactors)
    .where(and(ownedBy(totpFactors, p), sql`${totpFactors.enabledAt} is not null`));
  const secret = row ? decryptSecret(row.secretEncrypted) : null;
  if (!row || !secret || !factor.code) return false;
  const step = await matchingStep(secret, factor.code, row.lastStep);
  if (step === null) return false;
  // Two requests with the same code: only the first moves last_step forward.
  const [accepted] = await db()
    .update(totpFactors)
    .set({ lastStep: step })
    .where(and(eq(totpFactors.id, row.id), or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step))))
    .returning({ id: totpFactors.id });
  return Boolean(accepted);
}

/** Turns two-factor off (password checked by the caller, a code checked here). */
export async function disableTotp(
  p: MfaPrincipal,
  factor: SecondFactor,
  target: AuditTarget,
  ctx: RequestContext,
): Promise<void> {
  if (!(await hasTotp(p))) throw new ApiError("CONFLICT", { message: "Two-factor sign-in is not on." });
  if (!(await checkSecondFactor(p, factor, target, ctx))) throw WRONG_CODE();
  await db().transaction(async (tx) => {
    await tx.delete(totpFactors).where(ownedBy(totpFactors, p));
    await tx.delete(recoveryCodes).where(ownedBy(recoveryCodes, p));
  });
  await endOtherSessions(p, target.sessionId, "mfa_disabled");
  await audit("mfa_disabled", p, target, ctx);
}

/** New recovery codes (the old ones stop working), after a code from the app or a recovery code. */
export async function regenerateRecoveryCodes(
  p: MfaPrincipal,
  factor: SecondFactor,
  target: AuditTarget,
  ctx: RequestContext,
): Promise<string[]> {
  if (!(await hasTotp(p))) throw new ApiError("CONFLICT", { message: "Two-factor sign-in is not on." });
  if (!(await checkSecondFactor(p, factor, target, ctx))) throw WRONG_CODE();
  const codes = await replaceRecoveryCodes(p);
  await endResetLinks(db(), p.userId ? { userId: p.userId } : { customerId: p.customerId! });
  await audit("recovery_codes_regenerated", p, target, ctx);
  return codes;
}

// --- The pending second step of a login -----------------------------------------------------

export type ChallengeInput = {
  userId?: string;
  customerId?: string;
  area: AreaName;
  storeId: string | null;
  lockKey: string;
  rememberMe: boolean;
};

/** After a right password: an opaque, single-use token for the second step (no session yet). */
export async function issueChallenge(input: ChallengeInput, ctx: RequestContext): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db()
    .insert(mfaChallenges)
    .values({
      tokenHash: hashToken(token),
      area: input.area,
      userId: input.userId ?? null,
      customerId: input.customerId ?? null,
      storeId: input.storeId,
      lockKey: input.lockKey,
      rememberMe: input.rememberMe,
      expiresAt: new Date(Date.now() + CHALLENGE.seconds * 1000),
    });
  // Old challenges are kept no longer than needed.
  await db()
    .delete(mfaChallenges)
    .where(lt(mfaChallenges.expiresAt, sql`now() - interval '1 day'`));
  await recordAuthEvent(
    "mfa_challenged",
    {
      area: input.area,
      userId: input.userId ?? null,
      customerId: input.customerId ?? null,
      storeId: input.storeId,
    },
    ctx,
  );
  return token;
}

export const mfaTokenField = textField({ required: "mfa_token is required", trim: false })
  .min(1, { message: "mfa_token is required" })
  .max(256, { message: "mfa_token is not valid" });
