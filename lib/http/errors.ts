// The API's errors: one named code per kind, mapped to status and JSON body here
// and nowhere else.
import { z } from "zod";
import { log } from "@/lib/log";
import { noteDatabaseUnavailable } from "@/lib/outage";
import { OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/outage-page";

export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, message: "The request could not be read" },
  INVALID_CREDENTIALS: { status: 401, message: "Invalid email/username or password" },
  INVALID_TOKEN: { status: 401, message: "Missing, invalid or expired token" },
  INVALID_MFA_CODE: {
    status: 401,
    message: "That code is not valid. Try the current one from your app, or a recovery code.",
  },
  MFA_CHALLENGE_INVALID: { status: 401, message: "This sign-in has expired. Sign in again." },
  MFA_ENROLLMENT_REQUIRED: {
    status: 403,
    message: "This store requires two-factor sign-in. Set it up under Security.",
  },
  INSUFFICIENT_PERMISSIONS: { status: 403, message: "You do not have permission to do this" },
  ADMIN_REQUIRED: { status: 403, message: "Platform admin access required" },
  FORBIDDEN_ORIGIN: { status: 403, message: "Cross-origin request refused" },
  NOT_FOUND: { status: 404, message: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed" },
  CONFLICT: { status: 409, message: "Conflict" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "Request body is larger than 64 KiB" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json" },
  VALIDATION_ERROR: { status: 422, message: "Some fields are invalid" },
  ACCOUNT_LOCKED: { status: 423, message: "Account temporarily locked" },
  RATE_LIMITED: { status: 429, message: "Too many requests" },
  INTERNAL_ERROR: { status: 500, message: "Something went wrong" },
  STORE_UNAVAILABLE: { status: 503, message: "This store is currently unavailable" },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: "The service is temporarily unavailable. Try again in a few seconds.",
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: { message?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(options.message ?? ERROR_CODES[code].message);
    this.name = "ApiError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** The refusal every guard gives a missing or unusable token. */
export function invalidToken(): ApiError {
  return new ApiError("INVALID_TOKEN", { headers: { "WWW-Authenticate": 'Bearer realm="orion"' } });
}

/** Field errors from zod: the path and message only, never the value that was sent. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "body",
    message: issue.message,
  }));
}

export function validationError(error: z.ZodError): ApiError {
  return new ApiError("VALIDATION_ERROR", { details: fieldErrors(error) });
}

export const NO_STORE = "no-store";

/** Every JSON answer of the API: UTF-8 declared, never cached. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", NO_STORE);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return Response.json(body, { ...init, headers });
}

/** A PostgreSQL error's SQLSTATE and constraint, whether thrown by the driver or wrapped by Drizzle. */
export function databaseError(error: unknown): { sqlState: string; constraint: string | null } | null {
  let e = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, constraint_name: constraint } = e as { code?: unknown; constraint_name?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return { sqlState: code, constraint: typeof constraint === "string" ? constraint : null };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

// The database is away, not the request wrong: refused or lost connections (the driver's own
// codes and the socket's), a server shutting down or starting up (57P01-57P03), a connection
// failure of class 08, too many connections (53300), and a statement or lock wait cut by a
// timeout (57014, 55P03).
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);
const UNAVAILABLE_SQL_STATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "55P03"]);

/** True when `error` (or a cause of it) says the database cannot be reached or used just now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e = error;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, errors } = e as { code?: unknown; errors?: unknown };
    if (typeof code === "string") {
      if (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQL_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
        return true;
    }
    // A connection attempt to several addresses fails with all of them (AggregateError).
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The answer while the database is away: 503, and when to try again. */
function serviceUnavailable(): ApiError {
  return new ApiError("SERVICE_UNAVAILABLE", {
    headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) },
  });
}

/**
 * Every thrown value as a named error. A broken integrity constraint (class 23: unique, check,
 * foreign key…) means the request clashed with the data as it now is, a 409; the rules that
 * should have caught it first give the friendlier message, this is the floor under them.
 * Text PostgreSQL cannot store (NUL, 22021) is the client's, a 422.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return validationError(error);
  if (isDatabaseUnavailable(error)) {
    noteDatabaseUnavailable();
    return serviceUnavailable();
  }
  const database = databaseError(error);
  if (database?.sqlState.startsWith("23")) {
    log.warn(database, "a constraint refused a write");
    return new ApiError("CONFLICT", {
      message: "This conflicts with the data as it is now; reload and try again",
    });
  }
  if (database?.sqlState === "22021") {
    return new ApiError("VALIDATION_ERROR", {
      message: "The text contains characters that cannot be stored",
    });
  }
  return new ApiError("INTERNAL_ERROR");
}

export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  if (apiError.code === "INTERNAL_ERROR") {
    // The client gets a generic body; the cause stays in the server's log, without the
    // query parameters a database error carries (lib/log hides them: personal data, hashes).
    log.error({ err: error instanceof Error ? error : new Error(String(error)) }, "unhandled error");
  }
  const body: { error: { code: ErrorCode; message: string; details?: unknown } } = {
    error: { code: apiError.code, message: apiError.message },
  };
  if (apiError.details !== undefined) body.error.details = apiError.details;
  return json(body, { status: apiError.status, headers: apiError.headers });
}
