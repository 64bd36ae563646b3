// The store owner's social sign-in settings (README › Social sign-in): which platform providers the shop
// offers, and the shop's own OIDC client. Owners only: a client added here can sign anyone in
// as a customer of the shop.
import "server-only";
import { z } from "zod";
import { recordAuthEvent } from "@/lib/audit";
import { config } from "@/lib/config";
import type { RequestContext } from "@/lib/http";
import { textField } from "@/lib/validation";
import { ApiError } from "@/lib/http/errors";
import type { StorePrincipal } from "../guards";
import { platformProviders, removeOwnClient, saveOwnClient, setPlatformProviderEnabled } from "./providers";

/** The issuer's discovery document is fetched by the server: https only (http on loopback outside production). */
const issuerField = textField()
  .max(512)
  .url({ message: "Enter the issuer URL, such as https://login.example.com" })
  .refine(
    (u) => {
      if (!URL.canParse(u)) return false;
      const url = new URL(u);
      if (url.search || url.hash || url.username) return false;
      return (
        url.protocol === "https:" ||
        (!config().isProduction &&
          url.protocol === "http:" &&
          ["localhost", "127.0.0.1"].includes(url.hostname))
      );
    },
    { message: "Use an https:// issuer URL without query or fragment" },
  );

export const ownClientSchema = z.object({
  name: textField().min(1, { message: "Name the button" }).max(40),
  issuer: issuerField,
  client_id: textField().min(1, { message: "Client id is required" }).max(256),
  client_secret: textField({ trim: false }).max(512).optional(),
  enabled: z.boolean().default(true),
});

export const signInSettingsSchema = z.object({
  providers: z.record(z.string(), z.boolean()).optional(),
  own_client: ownClientSchema.nullable().optional(),
});

function assertOwner(p: StorePrincipal): void {
  if (p.storeRole !== "owner")
    throw new ApiError("INSUFFICIENT_PERMISSIONS", {
      message: "Only the store's owner changes sign-in methods",
    });
}

export async function applySignInSettings(
  p: StorePrincipal,
  input: z.infer<typeof signInSettingsSchema>,
  ctx: RequestContext,
  hasStoredSecret: boolean,
): Promise<void> {
  assertOwner(p);
  const known = new Set(platformProviders().map((x) => x.key));
  for (const [key, enabled] of Object.entries(input.providers ?? {})) {
    if (!known.has(key))
      throw new ApiError("VALIDATION_ERROR", {
        message: `No provider ${key}`,
        details: [{ field: "providers", message: "Unknown provider" }],
      });
    await setPlatformProviderEnabled(p.store.id, key, enabled);
  }
  if (input.own_client === null) await removeOwnClient(p.store.id);
  else if (input.own_client) {
    const secret = input.own_client.client_secret || null;
    if (!secret && !hasStoredSecret)
      throw new ApiError("VALIDATION_ERROR", {
        message: "Client secret is required",
        details: [{ field: "client_secret", message: "Client secret is required" }],
      });
    await saveOwnClient(p.store.id, {
      name: input.own_client.name,
      issuer: input.own_client.issuer,
      clientId: input.own_client.client_id,
      clientSecret: secret,
      enabled: input.own_client.enabled,
    });
  }
  await recordAuthEvent(
    "store_sign_in_providers_changed",
    {
      area: "store",
      storeId: p.store.id,
      userId: p.id,
      details: {
        providers: input.providers ?? {},
        own_client: input.own_client === null ? "removed" : input.own_client ? "saved" : "unchanged",
      },
    },
    ctx,
  );
}
