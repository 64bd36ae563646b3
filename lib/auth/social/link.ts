// Which customer of the store a provider identity signs in as (README › Social sign-in). An identity (issuer
// + `sub`) belongs to at most one customer per store. Its first sign-in links it to the
// store's customer with the same email only when the provider says that email is verified;
// otherwise it makes a new customer of that store. The same provider account at two stores
// is two unrelated customers.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { nextCustomerNumber } from "@/db/customer-number";
import { type Customer, customerIdentities, customers } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import { ApiError, databaseError } from "@/lib/http/errors";
import { hashPassword } from "../passwords";
import type { SignInProvider } from "./providers";

export type ProviderClaims = {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  firstName: string;
  lastName: string;
};

/** What the shopper is told when the identity cannot sign in here (the reason is audited). */
export class SocialRefusal extends Error {
  constructor(
    readonly reason: "no_email" | "unverified_email_taken" | "inactive" | "store_unavailable",
    message: string,
  ) {
    super(message);
  }
}

export const issuerOf = (provider: SignInProvider) => provider.issuer ?? `https://${provider.kind}.com`;

export async function customerForIdentity(
  store: { id: string; code: string },
  provider: SignInProvider,
  claims: ProviderClaims,
  ctx: RequestContext,
): Promise<Customer> {
  const issuer = issuerOf(provider);
  const [known] = await db()
    .select({ customer: customers, identityId: customerIdentities.id })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(
      and(
        eq(customerIdentities.storeId, store.id),
        eq(customerIdentities.issuer, issuer),
        eq(customerIdentities.subject, claims.subject),
      ),
    );
  if (known) {
    if (!known.customer.isActive || known.customer.storeId !== store.id)
      throw new SocialRefusal("inactive", "This account cannot sign in at this store.");
    await db()
      .update(customerIdentities)
      .set({ lastUsedAt: new Date(), email: claims.email })
      .where(eq(customerIdentities.id, known.identityId));
    return known.customer;
  }
  const email = claims.email?.trim().toLowerCase() ?? null;
  if (!email) {
    throw new SocialRefusal(
      "no_email",
      `${provider.name} did not share an email address, so no account can be made for it.`,
    );
  }
  const [sameEmail] = await db()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, store.id), eq(sql`lower(${customers.email})`, email)));
  if (sameEmail) {
    if (!claims.emailVerified) {
      throw new SocialRefusal(
        "unverified_email_taken",
        `An account with this email already exists at this store, and ${provider.name} has not verified the address. Sign in with your password.`,
      );
    }
    if (!sameEmail.isActive)
      throw new SocialRefusal("inactive", "This account cannot sign in at this store.");
    await link(store.id, sameEmail.id, provider, issuer, claims);
    await recordAuthEvent(
      "social_linked",
      {
        area: "customer",
        storeId: store.id,
        customerId: sameEmail.id,
        details: { provider: provider.key, by: "verified_email" },
      },
      ctx,
    );
    return sameEmail;
  }
  return createCustomer(store, provider, issuer, { ...claims, email }, ctx);
}

async function link(
  storeId: string,
  customerId: string,
  provider: SignInProvider,
  issuer: string,
  claims: ProviderClaims,
) {
  await db().insert(customerIdentities).values({
    storeId,
    customerId,
    provider: provider.key,
    issuer,
    subject: claims.subject,
    email: claims.email,
    lastUsedAt: new Date(),
  });
}

async function createCustomer(
  store: { id: string; code: string },
  provider: SignInProvider,
  issuer: string,
  claims: ProviderClaims & { email: string },
  ctx: RequestContext,
): Promise<Customer> {
  // A password nobody knows: the customer signs in with the provider until they set one.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  let customer: Customer;
  try {
    customer = await db().transaction(async (tx) => {
      const customerNumber = await nextCustomerNumber(tx, store);
      const [row] = await tx
        .insert(customers)
        .values({
          storeId: store.id,
          email: claims.email,
          customerNumber,
          firstName: claims.firstName.slice(0, 100) || "Customer",
          lastName: claims.lastName.slice(0, 100),
          marketingConsent: false,
          passwordHash,
          hasPassword: false,
          emailVerifiedAt: claims.emailVerified ? new Date() : null,
        })
        .returning();
      await tx.insert(customerIdentities).values({
        storeId: store.id,
        customerId: row!.id,
        provider: provider.key,
        issuer,
        subject: claims.subject,
        email: claims.email,
        lastUsedAt: new Date(),
      });
      return row!;
    });
  } catch (error) {
    // The same first sign-in twice at once: the unique indexes decide, the other one wins.
    if (databaseError(error)?.sqlState === "23505")
      throw new ApiError("CONFLICT", { message: "Sign-in is already under way; try again." });
    throw error;
  }
  await recordAuthEvent(
    "customer_registered",
    { area: "customer", storeId: store.id, customerId: customer.id, details: { provider: provider.key } },
    ctx,
  );
  return customer;
}
