// Shoppers' accounts: customers of one store, never users. The same email registers at two
// stores as two unrelated customers; a customer's session is bound to its store.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type Customer, type Store, customers, stores } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError, databaseError } from "@/lib/auth/errors";
import {
  type IssuedTokens,
  checkPassword,
  endSession,
  loginFailed,
  loginSchema,
  type MfaLoginInput,
  type RefreshOptions,
  type MfaRequired,
  openLoginGate,
  passChallenge,
  secondStepOrDone,
  refreshSession,
  startSession,
} from "@/lib/auth/login";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { MIN_PASSWORD_CHARS, hashPassword, newPasswordSchema } from "@/lib/auth/passwords";
import { spend } from "@/lib/auth/throttle";
import type { RequestContext } from "@/lib/http";
import { booleanField, emailField, textField } from "@/lib/validation";
export { customerView } from "@/lib/store/customers";
import { wakeMailWorker } from "@/lib/mail/queue";
import { sendVerification } from "./verification";

const nameField = (label: string) =>
  textField({ required: `${label} is required` })
    .min(1, { message: `${label} is required` })
    .max(100, { message: `${label} is too long` });

export const phoneField = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ()./-]{5,}$/, { message: "Enter a phone number like +352 621 123 456" });

export const registerSchema = z.object({
  first_name: nameField("First name"),
  last_name: nameField("Last name"),
  email: emailField,
  phone: z.union([phoneField, z.literal("").transform(() => undefined)]).optional(),
  password: newPasswordSchema(MIN_PASSWORD_CHARS.customer),
  marketing_consent: booleanField.default(false),
});

export type RegisterInput = z.infer<typeof registerSchema>;

export const customerLoginSchema = loginSchema;

function isUniqueViolation(error: unknown): boolean {
  return databaseError(error)?.sqlState === "23505";
}

const DUPLICATE = "An account with this email already exists at this store. Sign in, or reset your password.";

/**
 * Registers a customer of `store`. The customer number comes from the store's counter, taken
 * under its row lock, so concurrent registrations get distinct numbers.
 */
export async function registerCustomer(
  store: Store,
  input: RegisterInput,
  ctx: RequestContext,
  verifyLink: (token: string) => string | Promise<string>,
): Promise<Customer> {
  await spend("register", ctx.ip, store.id);
  assertStrongPassword(input.password, [
    input.email,
    input.first_name,
    input.last_name,
    store.name,
    store.slug,
    store.code,
  ]);
  const passwordHash = await hashPassword(input.password);
  let customer: Customer;
  try {
    customer = await db().transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.storeId, store.id), eq(sql`lower(${customers.email})`, input.email)));
      if (existing) throw new ApiError("CONFLICT", { message: DUPLICATE });
      const [counter] = await tx
        .update(stores)
        .set({ lastCustomerNumber: sql`${stores.lastCustomerNumber} + 1` })
        .where(eq(stores.id, store.id))
        .returning({ n: stores.lastCustomerNumber });
      const [row] = await tx
        .insert(customers)
        .values({
          storeId: store.id,
          email: input.email,
          customerNumber: `${store.code}-${String(counter!.n).padStart(6, "0")}`,
          firstName: input.first_name,
          lastName: input.last_name,
          phone: input.phone ?? null,
          marketingConsent: input.marketing_consent,
          passwordHash,
        })
        .returning();
      // The verification mail is queued in the same transaction: no customer without it.
      await sendVerification(row!, store, verifyLink, tx);
      return row!;
    });
  } catch (error) {
    // Two registrations of one email at once: the unique index decides.
    if (isUniqueViolation(error)) throw new ApiError("CONFLICT", { message: DUPLICATE });
    throw error;
  }
  await recordAuthEvent(
    "customer_registered",
    { area: "customer", storeId: store.id, customerId: customer.id },
    ctx,
  );
  wakeMailWorker();
  return customer;
}

export type CustomerLogin = { customer: Customer; tokens: IssuedTokens };

export async function loginCustomer(
  store: Store,
  input: z.infer<typeof customerLoginSchema>,
  ctx: RequestContext,
): Promise<CustomerLogin | MfaRequired> {
  const email = input.email_or_username.toLowerCase();
  const [candidate] = await db()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, store.id), eq(sql`lower(${customers.email})`, email)));
  const gate = await openLoginGate(
    "customer",
    { account: candidate ? { customerId: candidate.id } : null, identifier: email, shopId: store.id },
    ctx,
  );
  const customer = await checkPassword(candidate, input.password, (c) => c.isActive);
  if (!customer) {
    await loginFailed(
      gate,
      {
        area: "customer",
        storeId: store.id,
        customerId: candidate?.id ?? null,
        identifier: email.slice(0, 254),
      },
      ctx,
    );
    throw new ApiError("INVALID_CREDENTIALS", { message: "Invalid email or password" });
  }
  const pending = await secondStepOrDone(
    gate,
    { area: "customer", customerId: customer.id, storeId: store.id, rememberMe: input.remember_me },
    ctx,
  );
  return pending ?? openCustomerSession(store, customer, input.remember_me, ctx);
}

/** Second step for a shopper who turned TOTP on; the challenge is bound to this store. */
export async function completeCustomerMfa(
  store: Store,
  input: MfaLoginInput,
  ctx: RequestContext,
): Promise<CustomerLogin> {
  const passed = await passChallenge("customer", input, ctx, store.id);
  if (!passed.customerId) throw new ApiError("MFA_CHALLENGE_INVALID");
  const [customer] = await db()
    .select()
    .from(customers)
    .where(and(eq(customers.id, passed.customerId), eq(customers.storeId, store.id)));
  if (!customer?.isActive) throw new ApiError("MFA_CHALLENGE_INVALID");
  return openCustomerSession(store, customer, passed.rememberMe, ctx);
}

export async function openCustomerSession(
  store: Store,
  customer: Customer,
  rememberMe: boolean,
  ctx: RequestContext,
): Promise<CustomerLogin> {
  const tokens = await startSession(
    {
      area: "customer",
      customerId: customer.id,
      storeId: store.id,
      tokenVersion: customer.tokenVersion,
      rememberMe,
    },
    { sub: customer.id, type: "customer", email: customer.email, store_id: store.id },
    ctx,
  );
  const [updated] = await db()
    .update(customers)
    .set({ lastLoginAt: new Date() })
    .where(eq(customers.id, customer.id))
    .returning();
  await recordAuthEvent(
    "login_succeeded",
    { area: "customer", storeId: store.id, customerId: customer.id, sessionId: tokens.sessionId },
    ctx,
  );
  return { customer: updated ?? customer, tokens };
}

/** New tokens for a live customer session of `store`; a refresh token of another store is refused. */
export function refreshCustomer(
  store: Store,
  refreshToken: string,
  ctx: RequestContext,
  options?: RefreshOptions,
): Promise<IssuedTokens> {
  return refreshSession(
    "customer",
    refreshToken,
    ctx,
    async (session) => {
      if (!session.customerId || session.storeId !== store.id) return null;
      const [customer] = await db()
        .select()
        .from(customers)
        .where(and(eq(customers.id, session.customerId), eq(customers.tokenVersion, session.tokenVersion)));
      if (!customer || !customer.isActive || customer.storeId !== store.id) return null;
      return { sub: customer.id, type: "customer", email: customer.email, store_id: store.id };
    },
    options,
  );
}

export function logoutCustomer(customerId: string, storeId: string, sessionId: string, ctx: RequestContext) {
  return endSession("customer", { id: sessionId, customerId, storeId }, ctx);
}
