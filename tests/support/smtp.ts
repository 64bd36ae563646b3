// A real SMTP server in the test process: it receives what the app sends over SMTP_URL.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; text: string };

/** Quoted-printable soft breaks and escapes undone, enough to read links in a message. */
function decode(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type TestSmtp = {
  url: string;
  messages: ReceivedMail[];
  /** Refuse every recipient with this 5xx answer from now on (null: accept again). */
  refuse: (answer: { code: number; message: string } | null) => void;
  /** Hold every message this long before accepting it, from now on. */
  delay: (ms: number) => void;
  /** Recipients refused so far. */
  refused: () => number;
  stop: () => Promise<void>;
};

/**
 * `delayMs` holds every message that long before accepting it: a slow mail server. `port`
 * listens where an app already expects its mail server (0: any free port). `refuse` starts
 * it refusing every recipient (a mail server that rejects the mail, not one that is down).
 */
export async function startSmtp(
  options: { delayMs?: number; port?: number; refuse?: { code: number; message: string } } = {},
): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let refusal = options.refuse ?? null;
  let delayMs = options.delayMs ?? 0;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      refused += 1;
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        setTimeout(() => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decode(raw) });
          callback();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse: (answer) => {
      refusal = answer;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    refused: () => refused,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Waits for the next message to `to` with a link to `pathPart` and returns that link. Mail
 * goes out from the queue a moment after the answer, so an earlier message to the same
 * address (its verification mail, say) may still arrive after `after` was counted.
 */
export async function linkFor(
  messages: ReceivedMail[],
  to: string,
  pathPart: string,
  after = 0,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(`https?://[^\\s"<>]*${pathPart}[^\\s"<>]*`);
  for (;;) {
    const mine = messages.slice(after).filter((m) => m.to.includes(to));
    const link = mine.map((m) => pattern.exec(m.text)?.[0]).find(Boolean);
    if (link) return link;
    if (Date.now() > deadline) {
      throw new Error(
        mine.length
          ? `no ${pathPart} link in:\n${mine.map((m) => m.text).join("\n---\n")}`
          : `no message to ${to}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
