// Shoppers' accounts: customers of one store, never users. The same email registers at two
// stores as two unrelated customers; a customer's session is bound to its store.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { nextCustomerNumber } from "@/db/customer-number";
import { type Customer, type Store, customers } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError, databaseError } from "@/lib/http/errors";
import {
  type AreaLogin,
  type IssuedTokens,
  completeAreaMfa,
  endSession,
  loginSchema,
  type MfaLoginInput,
  type RefreshOptions,
  type MfaRequired,
  refreshArea,
  runLogin,
} from "@/lib/auth/login";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { AREAS } from "@/lib/auth/areas";
import { hashPassword, newPasswordSchema } from "@/lib/auth/passwords";
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
  password: newPasswordSchema(AREAS.customer.minPasswordChars),
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
      const customerNumber = await nextCustomerNumber(tx, store);
      const [row] = await tx
        .insert(customers)
        .values({
          storeId: store.id,
          email: input.email,
          customerNumber,
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

function asCustomerLogin(login: AreaLogin): CustomerLogin {
  return { customer: login.account as Customer, tokens: login.tokens };
}

export async function loginCustomer(
  store: Store,
  input: z.infer<typeof customerLoginSchema>,
  ctx: RequestContext,
): Promise<CustomerLogin | MfaRequired> {
  const email = input.email_or_username.toLowerCase();
  const [candidate = null] = await db()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, store.id), eq(sql`lower(${customers.email})`, email)));
  const result = await runLogin(
    {
      area: "customer",
      identifier: email,
      password: input.password,
      rememberMe: input.remember_me,
      store,
      candidate,
      eligible: (customer) => customer.isActive,
      refused: (customer) => ({
        event: {
          area: "customer",
          storeId: store.id,
          customerId: customer?.id ?? null,
          identifier: email.slice(0, 254),
        },
        error: new ApiError("INVALID_CREDENTIALS", { message: "Invalid email or password" }),
      }),
      loaded: (customer) => ({ account: customer, store, storeRole: null }),
    },
    ctx,
  );
  return "mfaRequired" in result ? result : asCustomerLogin(result);
}

/** Second step for a shopper who turned TOTP on; the challenge is bound to this store. */
export async function completeCustomerMfa(
  store: Store,
  input: MfaLoginInput,
  ctx: RequestContext,
): Promise<CustomerLogin> {
  return asCustomerLogin(await completeAreaMfa("customer", input, ctx, store.id));
}

/** New tokens for a live customer session of `store`; a refresh token of another store is refused. */
export async function refreshCustomer(
  store: Store,
  refreshToken: string,
  ctx: RequestContext,
  options?: RefreshOptions,
): Promise<IssuedTokens> {
  return (await refreshArea("customer", refreshToken, ctx, { ...options, atStoreId: store.id })).tokens;
}

export function logoutCustomer(customerId: string, storeId: string, sessionId: string, ctx: RequestContext) {
  return endSession("customer", { id: sessionId, customerId, storeId }, ctx);
}
