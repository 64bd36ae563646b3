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
import { currentPagePrincipal } from "../guards";
import { runVerifiedLogin } from "../login";
import { finishPageLogin } from "../page-login";
import { NONCE_COOKIE, clearedNonceCookie } from "./flow";
import { spendHandoff } from "./handoff";
import { type LinkOutcome, linkToSignedIn } from "./methods";
import { providerOfStore } from "./providers";
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

export type ConnectOutcome = LinkOutcome | "expired" | "signed_out" | "unavailable";

/**
 * The end of "Connect" on Sign-in methods, on the shop's own host: the code, this browser's
 * nonce cookie and the customer signed in here must all match before the identity the provider
 * vouched for is linked to that customer of this store.
 */
export async function finishConnect(
  store: Store,
  method: AccessMethod,
  host: string,
  code: string,
  ctx: RequestContext,
): Promise<ConnectOutcome> {
  const jar = await cookies();
  const nonce = jar.get(NONCE_COOKIE)?.value;
  const spent = await spendHandoff(code, store.id, host, "social_link");
  if (!spent?.data.identity) return "expired";
  jar.set(clearedNonceCookie({ slug: store.slug, method }));
  if (!nonce || hashNonce(nonce) !== spent.data.nonce || spent.data.method !== method) return "expired";
  const me = await currentPagePrincipal("customer", store.slug);
  if (!me || me.id !== spent.customerId) return "signed_out";
  const provider = await providerOfStore(store, spent.data.provider);
  if (!provider) return "unavailable";
  return linkToSignedIn(store, me.id, provider.key, spent.data.identity, ctx);
}
