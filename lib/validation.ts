// Field schemas shared by the JSON API and the forms: the same rules whichever way data comes.
import { z } from "zod";
import { ApiError } from "@/lib/http/errors";

/** A checkbox from a form ("on"), or a JSON boolean. */
export const booleanField = z
  .union([z.boolean(), z.enum(["on", "true", "false", ""])])
  .transform((v) => v === true || v === "on" || v === "true");

/** A page number from a query string; junk means the first page. */
export const pageField = z.coerce.number().int().min(1).max(10_000).catch(1);

// C0 control characters and DEL: invisible on screen, able to fold a mail header or forge a
// log line, and NUL is refused by PostgreSQL outright. Tab and newline have a place only in
// text that has lines (a product description).
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f]/;

const CONTROL_CHARACTER_MESSAGE = "Remove the control characters (line breaks, tabs, NUL and the like)";
const MULTILINE_CONTROL_MESSAGE =
  "Remove the control characters (NUL and the like); only tabs and line breaks may stay";

/**
 * Every free-text field a person sends, from the API, a form or a query string: trimmed
 * (unless `trim: false`, for passwords), without control characters; `multiline` text keeps
 * tabs and line breaks, the latter normalised to "\n" (forms send "\r\n"). Chain `.min`,
 * `.max` or `.regex` after it.
 */
export function textField(options: { required?: string; multiline?: boolean; trim?: boolean } = {}) {
  let field = z.string(options.required ? { error: options.required } : undefined);
  if (options.multiline) field = field.overwrite((s) => s.replace(/\r\n?/g, "\n"));
  if (options.trim !== false) field = field.trim();
  return options.multiline
    ? field.refine((s) => !CONTROL_EXCEPT_LAYOUT.test(s), { message: MULTILINE_CONTROL_MESSAGE })
    : field.refine((s) => !CONTROL.test(s), { message: CONTROL_CHARACTER_MESSAGE });
}

/** `?q=`: a search term is text like any other, so a control character in it is a 422. */
const searchField = textField().max(100, { message: "Search for at most 100 characters" }).optional();

/** An absolute https URL (or http on localhost), for images and logos: data, never markup. */
export const imageUrlField = textField()
  .max(2048)
  .url({ message: "Enter a full URL starting with https://" })
  .refine(
    (u) => {
      if (!URL.canParse(u)) return false;
      const url = new URL(u);
      return (
        url.protocol === "https:" ||
        (url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname))
      );
    },
    { message: "Use an https:// URL" },
  );

export const hexColorField = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "Use a colour like #4f46e5" })
  .transform((c) => c.toLowerCase());

/**
 * A username or email as it is looked up and stored: its NFKC form (fullwidth letters, ligatures
 * and the like become the plain letters they stand for), so every spelling that means the same
 * characters names one account in every pathway (checklist S47). Case is folded by the lookups.
 * Letters NFKC keeps apart (dotless ı, a combining accent, a zero-width space) stay apart.
 */
export function identifierText(value: string): string {
  return value.normalize("NFKC");
}

export const emailField = textField({ required: "Email is required" })
  .overwrite(identifierText)
  .trim()
  .toLowerCase()
  .max(254, { message: "Email is too long" })
  .email({ message: "Enter a valid email address" });

/**
 * The body of a partial update (PATCH): each field optional, and at least one of them sent. A
 * body that names nothing this route changes (`{}`, or only unknown keys, which are dropped)
 * is a 422, not a silent no-op. Give the fields without `.default()`: a default would be
 * written over the stored value whenever the field is left out.
 */
export function patchSchema<T extends z.ZodRawShape>(shape: T) {
  const names = Object.keys(shape).join(", ");
  return z
    .object(shape)
    .partial()
    .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
      message: `Nothing to change: send at least one of ${names}`,
    });
}

/** `?q=&page=` of every list. */
export const listQuery = z.object({ q: searchField, page: pageField });

export function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

/**
 * A page's search parameters: a page has no 422 to give, so a parameter it cannot read is
 * dropped, as if it had not been sent (the API answers the same query with a 422).
 */
export function pageQuery<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  raw: Record<string, string | string[] | undefined>,
): z.infer<S> {
  const first = schema.safeParse(raw);
  if (first.success) return first.data;
  const unreadable = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(raw).filter(([key]) => !unreadable.has(key))));
}

export const PAGE_SIZE = 20;

/** The one shape of an id: a UUID, in either case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export const uuidField = z.string().regex(UUID_PATTERN, { message: "Not a valid id" });

/** An id from a URL: anything that is not a UUID is simply not found. */
export function idParam(raw: string, what = "record"): string {
  if (!isUuid(raw)) throw new ApiError("NOT_FOUND", { message: `No such ${what}` });
  return raw.toLowerCase();
}

/** A search term as an ILIKE pattern that matches it anywhere, with its own % and _ taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const PASSWORDS_DIFFER = "The passwords differ";

/** A form's new password typed twice: `confirm_password` must repeat `field`. */
export function withConfirmation<T extends z.ZodRawShape>(schema: z.ZodObject<T>, field: keyof T & string) {
  return schema
    .extend({ confirm_password: z.string() })
    .refine((d: Record<string, unknown>) => d[field] === d.confirm_password, {
      path: ["confirm_password"],
      message: PASSWORDS_DIFFER,
    });
}
