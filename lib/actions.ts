// The one wrapper for server actions' input (STYLE convention 4): the request must come
// from our own origin, FormData is parsed with zod, and errors come back as field messages.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { type FieldError, fieldErrors } from "@/lib/auth/errors";
import { isSameOrigin } from "@/lib/auth/origin";
import { type RequestContext, requestContext } from "@/lib/http";

export type ActionState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What the person typed, to show again; never a password. */
  values?: Record<string, string>;
};

export type ParsedForm<T> =
  | { ok: true; data: T; ctx: RequestContext }
  | { ok: false; state: ActionState };

function toFieldMap(errors: FieldError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field, e.message]));
}

export async function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  echo: string[] = [],
): Promise<ParsedForm<z.infer<S>>> {
  const hdrs = await headers();
  const values = Object.fromEntries(echo.map((k) => [k, String(formData.get(k) ?? "")]));
  if (!isSameOrigin(hdrs)) return { ok: false, state: { error: "This form was sent from another site.", values } };
  const raw = Object.fromEntries(formData.entries());
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, state: { fieldErrors: toFieldMap(fieldErrors(parsed.error)), values } };
  }
  return { ok: true, data: parsed.data, ctx: requestContext(hdrs) };
}

/** For actions without fields (sign out): only the origin check. */
export async function assertSameOriginAction(): Promise<RequestContext | null> {
  const hdrs = await headers();
  return isSameOrigin(hdrs) ? requestContext(hdrs) : null;
}
