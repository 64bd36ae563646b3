// A store's settings: name, theme (validated colours, URL and font — data, never markup) and
// custom domains. Domains are added unverified; the platform verifies them (admin console).
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type StoreTheme, storeDomains, stores } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { config } from "@/lib/config";
import { forgetDomain, forgetStore } from "@/lib/tenancy/lookup";
import { textContrastProblem } from "@/lib/store/contrast";
import { FONTS } from "@/lib/store/fonts";
import { hexColorField, imageUrlField, patchSchema, textField } from "@/lib/validation";

// The shop writes white on the primary colour (header, buttons) and the accent colour on white
// (links, badges, focus ring): each must stay readable, so a colour below AA is refused.
const themeSchema = z.object({
  primaryColor: hexColorField.superRefine((c, ctx) => {
    const problem = textContrastProblem(c, "background", "the shop's header and buttons");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  accentColor: hexColorField.superRefine((c, ctx) => {
    const problem = textContrastProblem(c, "text", "links and badges");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  logoUrl: z.union([imageUrlField, z.literal("").transform(() => null), z.null()]).default(null),
  font: z.enum(FONTS, { error: "Choose one of the listed fonts" }),
});

export const settingsSchema = z.object({
  name: textField({ required: "Name is required" })
    .min(2, { message: "Name needs at least 2 characters" })
    .max(100),
  theme: themeSchema,
});

export const settingsPatchSchema = patchSchema(settingsSchema.shape);

const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const domainSchema = z.object({
  domain: z
    .string({ error: "Domain is required" })
    .trim()
    .toLowerCase()
    .transform((d) => d.replace(/\.$/, ""))
    .refine((d) => HOSTNAME.test(d), { message: "Enter a domain like shop.example.com" })
    .refine(
      (d) => {
        const platform = config().platformDomain.split(":")[0]!;
        return d !== platform && !d.endsWith(`.${platform}`);
      },
      { message: "Platform subdomains are given to every store already" },
    ),
});

export function settingsView(store: { name: string; code: string; slug: string; theme: StoreTheme }) {
  return { name: store.name, code: store.code, slug: store.slug, theme: store.theme };
}

export async function updateSettings(
  storeId: string,
  slug: string,
  input: z.infer<typeof settingsPatchSchema>,
): Promise<void> {
  await db().update(stores).set({ name: input.name, theme: input.theme }).where(eq(stores.id, storeId));
  forgetStore(slug);
}

export function listDomains(storeId: string) {
  return db()
    .select()
    .from(storeDomains)
    .where(eq(storeDomains.storeId, storeId))
    .orderBy(asc(storeDomains.createdAt));
}

export async function addDomain(storeId: string, domain: string) {
  const [taken] = await db()
    .select({ id: storeDomains.id })
    .from(storeDomains)
    .where(eq(sql`lower(${storeDomains.domain})`, domain));
  if (taken) throw new ApiError("CONFLICT", { message: "That domain is already in use" });
  const [row] = await db().insert(storeDomains).values({ storeId, domain }).returning();
  return row!;
}

export async function removeDomain(storeId: string, id: string): Promise<void> {
  const removed = await db()
    .delete(storeDomains)
    .where(and(eq(storeDomains.storeId, storeId), eq(storeDomains.id, id)))
    .returning({ domain: storeDomains.domain });
  if (removed.length === 0) throw new ApiError("NOT_FOUND", { message: "No such domain" });
  forgetDomain(removed[0]!.domain);
}

export function domainView(d: typeof storeDomains.$inferSelect) {
  return { id: d.id, domain: d.domain, verified: d.isVerified, created_at: d.createdAt.toISOString() };
}
