// Field schemas shared by the JSON API and the forms: the same rules whichever way data comes.
import { z } from "zod";
import { ApiError } from "@/lib/auth/errors";

/** A checkbox from a form ("on"), or a JSON boolean. */
export const booleanField = z
  .union([z.boolean(), z.enum(["on", "true", "false", ""])])
  .transform((v) => v === true || v === "on" || v === "true");

/** A page number from a query string; junk means the first page. */
export const pageField = z.coerce.number().int().min(1).max(10_000).catch(1);

export const searchField = z.string().trim().max(100).optional().catch(undefined);

export const uuidField = z.string().uuid({ message: "Not a valid id" });

/** An absolute https URL (or http on localhost), for images and logos: data, never markup. */
export const imageUrlField = z
  .string()
  .trim()
  .max(2048)
  .url({ message: "Enter a full URL starting with https://" })
  .refine((u) => {
    if (!URL.canParse(u)) return false;
    const url = new URL(u);
    return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname));
  }, { message: "Use an https:// URL" });

export const hexColorField = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "Use a colour like #4f46e5" })
  .transform((c) => c.toLowerCase());

export const emailField = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .max(254, { message: "Email is too long" })
  .email({ message: "Enter a valid email address" });

/** `?q=&page=` of every list. */
export const listQuery = z.object({ q: searchField, page: pageField });

export function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

export const PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL: anything that is not a UUID is simply not found. */
export function idParam(raw: string, what = "record"): string {
  if (!UUID.test(raw)) throw new ApiError("NOT_FOUND", { message: `No such ${what}` });
  return raw.toLowerCase();
}

/** A search term as an ILIKE pattern that matches it anywhere, with its own % and _ taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
