// The one wrapper for server actions' input (STYLE convention 4): the request must come
// from our own origin, FormData is parsed with zod, and errors come back as field messages.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { type ApiError, type FieldError, fieldErrors, toApiError } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/auth/origin";
import { type RequestContext, requestContext } from "@/lib/http";

export type ActionState = {
  error?: string;
  /** A success message to show. */
  message?: string;
  /** Extra text to show with the message (an invitation link to copy). */
  detail?: string;
  fieldErrors?: Record<string, string>;
  /** What the person typed, to show again; never a password. */
  values?: Record<string, string>;
};

export type ParsedForm<T> = { ok: true; data: T; ctx: RequestContext } | { ok: false; state: ActionState };

function toFieldMap(errors: FieldError[]): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field, e.message]));
}

/** A named API error as the form's answer: its message, and its field messages when it has some. */
export function apiErrorState(error: ApiError, values?: Record<string, string>): ActionState {
  const fields = Array.isArray(error.details) ? toFieldMap(error.details as FieldError[]) : undefined;
  return { error: error.message, fieldErrors: fields, values };
}

export async function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  echo: string[] = [],
): Promise<ParsedForm<z.infer<S>>> {
  const hdrs = await headers();
  const values = Object.fromEntries(echo.map((k) => [k, String(formData.get(k) ?? "")]));
  if (!isSameOrigin(hdrs))
    return { ok: false, state: { error: "This form was sent from another site.", values } };
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

/**
 * Runs a signed-in server action: same origin, the form parsed with zod, the principal
 * loaded (and allowed), then `fn`. Named API errors come back as the form's error message.
 */
export async function runAction<S extends z.ZodType, P>(
  formData: FormData,
  options: {
    schema: S;
    echo?: string[];
    principal: () => Promise<P | null>;
    allowed?: (principal: P) => boolean;
  },
  fn: (principal: P, data: z.infer<S>, ctx: RequestContext) => Promise<ActionState | void>,
): Promise<ActionState> {
  const parsed = await parseForm(formData, options.schema, options.echo ?? []);
  if (!parsed.ok) return parsed.state;
  const principal = await options.principal();
  if (!principal) return { error: "Your session has ended. Sign in again." };
  if (options.allowed && !options.allowed(principal)) return { error: "Your role may not do this." };
  try {
    return (await fn(principal, parsed.data, parsed.ctx)) ?? {};
  } catch (error) {
    // The API's mapping, so a constraint the rules missed is the form's message, not an error page.
    const named = toApiError(error);
    if (named.code !== "INTERNAL_ERROR") {
      const values = Object.fromEntries((options.echo ?? []).map((k) => [k, String(formData.get(k) ?? "")]));
      return apiErrorState(named, values);
    }
    throw error;
  }
}
