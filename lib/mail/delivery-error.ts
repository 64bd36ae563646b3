// What a failed delivery may say about itself: the mail server's response code and its words,
// or the kind of network failure, and nothing of the message. A mail's link or token could
// come back in a server's echo, so anything shaped like a link, a parameter or an opaque
// token is cut out before the text is kept in the queue or shown in the console.

/** The parts of an error the queue keeps for a failed attempt (pg-boss stores it as `output`). */
export type DeliveryFailure = { message: string; code?: string; responseCode?: number };

const MAX_LENGTH = 200;

const LINK = /\b[a-z][a-z0-9+.-]*:\/\/\S*/gi;
const WWW = /\bwww\.\S+/gi;
// `token=…`, `?t=…&x=…`: the value of any query-string-like parameter.
const PARAMETER = /[?&]?\b[\w.-]+=[^\s&;,)]+/g;
const PATH = /(?:^|\s)\/[\w./?#%=&-]+/g;
// Long runs of letters, digits and URL-safe symbols are ids or tokens, not words.
const OPAQUE = /[A-Za-z0-9_+/=-]{24,}/g;

/** The text without links, parameters, paths, tokens or control characters, cut to a line. */
export function sanitizeErrorText(raw: string): string {
  const text = raw
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(LINK, "[link]")
    .replace(WWW, "[link]")
    .replace(PARAMETER, " [removed]")
    .replace(PATH, " [removed]")
    .replace(OPAQUE, "[removed]")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** What is kept of a thrown error: a nodemailer error's SMTP code and response, or its network code. */
export function deliveryFailure(error: unknown): DeliveryFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
    responseCode?: unknown;
  };
  const message = sanitizeErrorText(
    typeof e.message === "string" ? e.message : typeof error === "string" ? error : "delivery failed",
  );
  const failure: DeliveryFailure = { message: message || "delivery failed" };
  if (typeof e.code === "string" && /^[A-Z_]{2,32}$/.test(e.code)) failure.code = e.code;
  if (typeof e.responseCode === "number" && Number.isInteger(e.responseCode)) {
    failure.responseCode = e.responseCode;
  }
  return failure;
}

/**
 * One line for the console from what the queue kept (this app's failures, or pg-boss's own
 * words for a lease that ran out): "SMTP 550: …" or "ECONNECTION: …". Sanitised again, since
 * a job written by an earlier version kept the whole error.
 */
export function failureLine(output: {
  message?: string | null;
  code?: string | null;
  responseCode?: number | string | null;
  value?: string | null;
}): string | null {
  const words = output.message ?? output.value;
  if (!words && !output.code && !output.responseCode) return null;
  const text = sanitizeErrorText(words ?? "");
  const responseCode = Number(output.responseCode);
  const code = output.code && /^[A-Z_]{2,32}$/.test(output.code) ? output.code : null;
  const prefix = Number.isInteger(responseCode) && responseCode > 0 ? `SMTP ${responseCode}` : code;
  if (!prefix) return text || null;
  return text.includes(String(prefix === code ? code : responseCode)) ? text : `${prefix}: ${text}`;
}

/** An error to throw from the mail worker: only the sanitised parts reach the job row. */
export class DeliveryError extends Error {
  readonly code?: string;
  readonly responseCode?: number;
  constructor(failure: DeliveryFailure) {
    super(failure.message);
    this.name = "DeliveryError";
    if (failure.code) this.code = failure.code;
    if (failure.responseCode) this.responseCode = failure.responseCode;
    // pg-boss keeps what it is thrown; a stack names files and says nothing about the mail.
    this.stack = undefined;
  }
}
