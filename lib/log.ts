// The server's log (docs/security.md, S68): one JSON line per entry on stdout, so a value a
// visitor typed never starts a line of its own, and nothing secret in it — neither under a
// secret's key at any depth nor inside a string (a JWT, a `token=` in a link).
import pino, { type DestinationStream, type LogFn, type Logger, type LoggerOptions } from "pino";
import { processSingleton } from "@/lib/process-global";

const REDACTED = "[redacted]";

// The keys that carry secrets in Orion's bodies, headers and objects. Pino's redaction names
// them at the depths we log (the top and two levels down); `isSecretKey` catches the spellings
// and depths pino's paths cannot.
const SECRET_KEYS = [
  "password",
  "current_password",
  "new_password",
  "password_confirmation",
  "password_hash",
  "token",
  "access_token",
  "refresh_token",
  "mfa_token",
  "id_token",
  "token_hash",
  "code",
  "otp",
  "recovery_code",
  "recovery_codes",
  "totp_secret",
  "secret",
  "client_secret",
  "authorization",
  "cookie",
  "set-cookie",
] as const;

const SECRET_NAMES = new Set([
  ...SECRET_KEYS.map(normalizeKey),
  "passwd",
  "apikey",
  "totp",
  "totpcode",
  "mfacode",
]);

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** True for a key whose value must not be logged: `password`, `newPassword`, `Set-Cookie`, `resetToken`… */
export function isSecretKey(key: string): boolean {
  const name = normalizeKey(key);
  return SECRET_NAMES.has(name) || /(password|token|tokens|secret|secrets|cookie|cookies)$/.test(name);
}

function redactPaths(): string[] {
  const keys = SECRET_KEYS.map((key) => (/^[a-z_]+$/.test(key) ? key : `["${key}"]`));
  return ["", "*.", "*.*."].flatMap((prefix) =>
    keys.map((key) => (key.startsWith("[") ? `${prefix.slice(0, -1)}${key}` : prefix + key)),
  );
}

const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
// `?token=…`, `#token=…`, `&refresh_token=…`, `password=…` in links, form bodies and messages.
const SECRET_PARAM = /\b([\w-]*(?:token|password|secret|code))=[^&#\s"'<>]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

// A database error's message ends with the query's parameters (personal data, hashes).
const QUERY_PARAMS = /\nparams:[^\n]*/g;

/**
 * Blanks JWT-shaped strings, credentials after `Bearer`, secret query values and a failed
 * query's parameters in a text.
 */
export function scrub(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(SECRET_PARAM, `$1=${REDACTED}`)
    .replace(QUERY_PARAMS, "\nparams: [hidden]");
}

type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  error_code?: string;
  cause?: LoggedError;
};

/**
 * What of an error reaches the log: its kind, message and stack (scrubbed, without query
 * parameters), its code and its cause. Nothing else of it: a database error's `detail` and
 * `parameters` hold the values of the row.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  const out: LoggedError = { type: value.name, message: scrub(value.message) };
  if (value.stack) out.stack = scrub(value.stack);
  if (typeof code === "string" || typeof code === "number") out.error_code = String(code);
  if (value.cause instanceof Error && depth < 3)
    out.cause = serializeError(value.cause, depth + 1) as LoggedError;
  return out;
}

/** A copy of a value fit for the log: secret keys censored at any depth, strings scrubbed, errors serialized. */
export function sanitize(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrub(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return serializeError(value);
  if (seen.has(value)) return "[circular]";
  if (depth >= 8) return "[too deep]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1, seen));
    // URLs, dates and the like: what JSON would write, then scrubbed like any string.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return sanitize(toJSON.call(value), depth + 1, seen);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        isSecretKey(key) && item !== null && item !== undefined ? REDACTED : sanitize(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function levelFromEnv(): string {
  const level = process.env.LOG_LEVEL?.trim().toLowerCase();
  return level && LEVELS.includes(level) ? level : "info";
}

/** A logger with Orion's redaction; `destination` defaults to stdout (tests pass their own). */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const settings: LoggerOptions = {
    level: options.level ?? levelFromEnv(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => sanitize(object) as Record<string, unknown>,
    },
    serializers: { err: serializeError },
    redact: { paths: redactPaths(), censor: REDACTED },
    hooks: {
      // The message and its format arguments go through the same scrubbing as the fields;
      // an error passed alone becomes `{ err }` with its scrubbed message.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        const format = rest.map((arg) => sanitize(arg));
        if (first instanceof Error && format.length === 0) {
          format.push((serializeError(first) as LoggedError).message.split("\n")[0]);
        }
        const head =
          first instanceof Error ? { err: first } : typeof first === "string" ? scrub(first) : first;
        return method.apply(this, [head, ...format] as Parameters<LogFn>);
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** The server's logger. Use fields for data (`log.info({ kind, to }, "mail sent")`), not message text. */
export const log: Logger = processSingleton("orionLog", createLogger);
