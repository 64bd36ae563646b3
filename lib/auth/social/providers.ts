// Which sign-in providers a store offers (README › Social sign-in): those the platform configures, each on by
// default and turned off or on again by the store's owner, plus the store's own OIDC client,
// used for that store alone. The next-auth id of a store's own client names the store
// (`store-{slug}`), so its callback URL is the store's own too.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { storeSignInProviders } from "@/db/schema";
import { config } from "@/lib/config";
import { decryptSecret, encryptSecret } from "../mfa";

const OWN_CLIENT = "store";

export type SignInProvider = {
  /** next-auth's id: `oidc`, `google`, `github`, or `store-{slug}` for a store's own client. */
  id: string;
  /** What the customer_identities rows and the store's settings call it. */
  key: string;
  name: string;
  kind: "oidc" | "google" | "github";
  issuer: string | null;
  clientId: string;
  clientSecret: string;
  /** The store whose own client this is; null for the platform's. */
  ownerStoreId: string | null;
};

const ownClientId = (slug: string) => `store-${slug}`;

/** The URL to register at a provider: next-auth's default callback path on the platform host. */
export function callbackUrlOf(providerId: string): string {
  return `${config().publicUrl}/api/auth/callback/${providerId}`;
}

export function platformProviders(): SignInProvider[] {
  return config().socialProviders.map((p) => ({
    id: p.id,
    key: p.id,
    name: p.name,
    kind: p.id,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    ownerStoreId: null,
  }));
}

export type StoreProviderSettings = {
  /** Platform providers with whether this store offers them. */
  platform: { id: string; name: string; enabled: boolean; callbackUrl: string }[];
  own: { name: string; issuer: string; clientId: string; enabled: boolean; callbackUrl: string } | null;
};

async function rowsOf(storeId: string) {
  return db().select().from(storeSignInProviders).where(eq(storeSignInProviders.storeId, storeId));
}

export async function storeProviderSettings(store: {
  id: string;
  slug: string;
}): Promise<StoreProviderSettings> {
  const rows = await rowsOf(store.id);
  const own = rows.find((r) => r.provider === OWN_CLIENT && r.issuer && r.clientId);
  return {
    platform: platformProviders().map((p) => ({
      id: p.id,
      name: p.name,
      enabled: rows.find((r) => r.provider === p.key)?.enabled ?? true,
      callbackUrl: callbackUrlOf(p.id),
    })),
    own: own
      ? {
          name: own.name ?? "Single sign-on",
          issuer: own.issuer!,
          clientId: own.clientId!,
          enabled: own.enabled,
          callbackUrl: callbackUrlOf(ownClientId(store.slug)),
        }
      : null,
  };
}

/** Every provider this store offers now, in button order. */
export async function providersOfStore(store: { id: string; slug: string }): Promise<SignInProvider[]> {
  const rows = await rowsOf(store.id);
  const offered = platformProviders().filter((p) => rows.find((r) => r.provider === p.key)?.enabled ?? true);
  const own = rows.find((r) => r.provider === OWN_CLIENT);
  const secret = own?.clientSecretEncrypted ? decryptSecret(own.clientSecretEncrypted) : null;
  if (own?.enabled && own.issuer && own.clientId && secret) {
    offered.push({
      id: ownClientId(store.slug),
      key: OWN_CLIENT,
      name: own.name ?? "Single sign-on",
      kind: "oidc",
      issuer: own.issuer,
      clientId: own.clientId,
      clientSecret: secret,
      ownerStoreId: store.id,
    });
  }
  return offered;
}

/** The buttons of the sign-in and register pages: ids and names only, never a secret. */
export async function signInButtonsOf(store: { id: string; slug: string }) {
  return (await providersOfStore(store)).map(({ id, name }) => ({ id, name }));
}

/** The provider `id` if this store offers it; null otherwise (off, unknown, another store's own). */
export async function providerOfStore(
  store: { id: string; slug: string },
  id: string,
): Promise<SignInProvider | null> {
  return (await providersOfStore(store)).find((p) => p.id === id) ?? null;
}

/** The owner's switch for a platform provider at this store. */
export async function setPlatformProviderEnabled(storeId: string, key: string, enabled: boolean) {
  await db()
    .insert(storeSignInProviders)
    .values({ storeId, provider: key, enabled })
    .onConflictDoUpdate({
      target: [storeSignInProviders.storeId, storeSignInProviders.provider],
      set: { enabled },
    });
}

/** The store's own OIDC client; a blank secret keeps the one stored. */
export async function saveOwnClient(
  storeId: string,
  input: { name: string; issuer: string; clientId: string; clientSecret: string | null; enabled: boolean },
) {
  const values = {
    name: input.name,
    issuer: input.issuer.replace(/\/+$/, ""),
    clientId: input.clientId,
    enabled: input.enabled,
    ...(input.clientSecret ? { clientSecretEncrypted: encryptSecret(input.clientSecret) } : {}),
  };
  await db()
    .insert(storeSignInProviders)
    .values({ storeId, provider: OWN_CLIENT, ...values })
    .onConflictDoUpdate({
      target: [storeSignInProviders.storeId, storeSignInProviders.provider],
      set: values,
    });
}

export async function removeOwnClient(storeId: string) {
  await db()
    .delete(storeSignInProviders)
    .where(and(eq(storeSignInProviders.storeId, storeId), eq(storeSignInProviders.provider, OWN_CLIENT)));
}
