// A minimal browser for HTTP-level journeys across hosts: every request goes to 127.0.0.1 on
// the URL's port with the URL's Host, and cookies are kept host-only with their Path.
import { request as httpRequest } from "node:http";

export type Answer = {
  status: number;
  location: string | null;
  body: string;
  setCookies: string[];
  url: string;
};

type Kept = { host: string; name: string; value: string; path: string };

export class TestBrowser {
  cookies: Kept[] = [];

  cookieHeader(url: URL): string {
    return this.cookies
      .filter(
        (c) =>
          c.host === url.hostname &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`)),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  keep(url: URL, lines: string[]) {
    for (const line of lines) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? "/";
      const maxAge = attrs.find((a) => /^max-age=/i.test(a));
      const expires = attrs.find((a) => /^expires=/i.test(a));
      this.cookies = this.cookies.filter(
        (c) => !(c.host === url.hostname && c.name === name && c.path === path),
      );
      const gone =
        (maxAge && Number(maxAge.slice(8)) <= 0) || (expires && Date.parse(expires.slice(8)) < Date.now());
      if (!gone) this.cookies.push({ host: url.hostname, name, value, path });
    }
  }

  send(
    target: string,
    options: {
      method?: string;
      form?: Record<string, string>;
      /** A body already encoded (multipart, as a browser posts a server-action form). */
      raw?: { data: Buffer; type: string };
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const url = new URL(target);
    const body =
      options.raw?.data ?? (options.form ? new URLSearchParams(options.form).toString() : undefined);
    const headers: Record<string, string> = { host: url.host, ...options.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    if (options.form || options.raw) {
      headers["content-type"] = options.raw?.type ?? "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(body ?? ""));
      headers.origin ??= url.origin;
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port: url.port,
          path: url.pathname + url.search,
          method: options.method ?? (options.form || options.raw ? "POST" : "GET"),
          headers,
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (text += d));
          res.on("end", () => {
            const setCookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
            this.keep(url, setCookies);
            const location = res.headers.location ? new URL(res.headers.location, url).toString() : null;
            resolve({ status: res.statusCode ?? 0, location, body: text, setCookies, url: url.toString() });
          });
        },
      );
      req.on("error", reject);
      if (body) req.write(body);
      req.end();
    });
  }

  /** Follows redirects and submits the provider's forms until `stop` says so or a page shows. */
  async walk(start: Answer, login: string, stop: (url: string) => boolean): Promise<Answer> {
    let answer = start;
    for (let i = 0; i < 20; i++) {
      if (answer.location) {
        if (stop(answer.location)) return answer;
        answer = await this.send(answer.location);
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(answer.body);
      const prompt = /name="prompt" value="(\w+)"/.exec(answer.body)?.[1];
      if (answer.status === 200 && form && prompt) {
        const action = new URL(form[1]!.replace(/&amp;/g, "&"), answer.url).toString();
        const fields: Record<string, string> =
          prompt === "login" ? { prompt, login, password: "any" } : { prompt };
        answer = await this.send(action, { form: fields, headers: { origin: new URL(action).origin } });
        continue;
      }
      return answer;
    }
    throw new Error("too many steps");
  }
}
