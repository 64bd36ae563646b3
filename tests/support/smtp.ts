// A real SMTP server in the test process: it receives what the app sends over SMTP_URL.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; text: string };

/** Quoted-printable soft breaks and escapes undone, enough to read links in a message. */
function decode(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `delayMs` holds every message that long before accepting it: a slow mail server. */
export async function startSmtp(options: { delayMs?: number } = {}): Promise<{ url: string; messages: ReceivedMail[]; stop: () => Promise<void> }> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        setTimeout(() => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decode(raw) });
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits for the next message to `to` and returns its first link to `pathPart`. */
export async function linkFor(messages: ReceivedMail[], to: string, pathPart: string, after = 0): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = messages.slice(after).find((m) => m.to.includes(to));
    if (found) {
      const match = new RegExp(`https?://[^\\s"<>]*${pathPart}[^\\s"<>]*`).exec(found.text);
      if (!match) throw new Error(`no ${pathPart} link in:\n${found.text}`);
      return match[0];
    }
    if (Date.now() > deadline) throw new Error(`no message to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
