// Step 4 of social sign-in, on the shop's own host: the one-time code and this browser's
// nonce cookie are spent, and the customer's session opens through the password login's own
// functions (lockout, rate limit, second factor, session, cookies, audit, last login).
import "server-only";
import { and, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { db } from "@/db/client";
import { type Store, customers } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import type { AccessMethod } from "@/lib/tenancy/resolve";
import { runVerifiedLogin } from "../login";
import { finishPageLogin } from "../page-login";
import { NONCE_COOKIE, clearedNonceCookie } from "./flow";
import { spendHandoff } from "./handoff";
import { hashNonce } from "./ticket";

/** Signs the shopper in and redirects (never returns), or returns why it could not. */
export async function finishOnShop(
  store: Store,
  method: AccessMethod,
  host: string,
  code: string,
  ctx: RequestContext,
): Promise<"invalid" | "inactive"> {
  const scope = { slug: store.slug, method };
  const jar = await cookies();
  const nonce = jar.get(NONCE_COOKIE)?.value;
  const spent = await spendHandoff(code, store.id, host);
  if (!spent) return "invalid";
  jar.set(clearedNonceCookie(scope));
  if (!nonce || hashNonce(nonce) !== spent.data.nonce || spent.data.method !== method) return "invalid";
  const [customer] = await db()
    .select()
    .from(customers)
    .where(and(eq(customers.id, spent.customerId), eq(customers.storeId, store.id)));
  if (!customer?.isActive) return "inactive";
  const login = await runVerifiedLogin(
    {
      area: "customer",
      identifier: customer.email,
      store,
      account: customer,
      loaded: { account: customer, store, storeRole: null },
      rememberMe: false,
    },
    ctx,
  );
  await recordAuthEvent(
    "social_login",
    {
      area: "customer",
      storeId: store.id,
      customerId: customer.id,
      details: { provider: spent.data.provider },
    },
    ctx,
  );
  return finishPageLogin("customer", scope, login, spent.data.next);
}
