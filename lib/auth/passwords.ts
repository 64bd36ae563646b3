// Password hashing (bcrypt in a worker pool, so no request waits behind a hash) and the
// password rules: a minimum length per area and bcrypt's 72-byte ceiling.
import path from "node:path";
import Piscina from "piscina";
import { z } from "zod";
import { config } from "@/lib/config";
import { textField } from "@/lib/validation";
import { processSingleton } from "@/lib/process-global";

export const MAX_PASSWORD_BYTES = 72;

type Task =
  { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

function pool(): Piscina<Task, string | boolean> {
  return processSingleton(
    "orionPasswordPool",
    () =>
      new Piscina<Task, string | boolean>({
        filename: path.join(process.cwd(), "lib/auth/password-worker.mjs"),
        minThreads: config().passwordHashThreads,
        maxThreads: config().passwordHashThreads,
        idleTimeout: 60_000,
      }),
  );
}

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, "utf8");
}

export async function hashPassword(password: string, cost = config().bcryptCost): Promise<string> {
  // bcrypt would silently ignore everything past 72 bytes; refuse rather than truncate.
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) throw new RangeError("password longer than 72 bytes");
  return (await pool().run({ op: "hash", password, cost })) as string;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) return false;
  return (await pool().run({ op: "compare", password, hash })) as boolean;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real compare when the account does not exist, so that the answer's
 * timing does not tell who has an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("orion-dummy-password-for-timing");
  await verifyPassword(password, await dummyHash);
  return false;
}

/** Warms the pool and the dummy hash, so the first login does not pay for them. */
export async function warmUpPasswords(): Promise<void> {
  dummyHash ??= hashPassword("orion-dummy-password-for-timing");
  await dummyHash;
}

/**
 * A new password: at least `minChars` characters (code points), at most 72 UTF-8 bytes, and
 * no control characters (none can be typed back in at a login form).
 */
export function newPasswordSchema(minChars: number) {
  return textField({ required: "Password is required", trim: false })
    .refine((p) => [...p].length >= minChars, { message: `Password must be at least ${minChars} characters` })
    .refine((p) => passwordBytes(p) <= MAX_PASSWORD_BYTES, {
      message: `Password must be at most ${MAX_PASSWORD_BYTES} bytes (UTF-8); longer passwords are not truncated`,
    });
}

/**
 * A password typed at login: any non-empty string up to the same byte limit. It is only
 * compared, never stored or looked up, and one set before control characters were refused
 * must still work.
 */
export const loginPasswordSchema = z
  .string({ error: "Password is required" })
  .min(1, { message: "Password is required" })
  .refine((p) => passwordBytes(p) <= MAX_PASSWORD_BYTES, {
    message: `Password must be at most ${MAX_PASSWORD_BYTES} bytes (UTF-8)`,
  });
