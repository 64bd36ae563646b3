import { request as httpRequest } from "node:http";
// Small HTTP helpers for integration tests against the running server.
import { inject } from "vitest";

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(baseUrl() + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(baseUrl() + path, { headers, redirect: "manual" });
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export type LoginAnswer = {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  user: { id: string; username: string; email: string; role: string };
};

export async function adminLogin(identifier = "admin", password = "admin123"): Promise<LoginAnswer> {
  const res = await postJson("/api/v1/admin/auth/login", { email_or_username: identifier, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as LoginAnswer;
}

/** Parses Set-Cookie lines into name → attributes (lower-case keys), keeping every line. */
export function parseSetCookies(
  res: Response,
): Array<{ name: string; value: string; attrs: Record<string, string | true> }> {
  return res.headers.getSetCookie().map((line) => {
    const [pair, ...rest] = line.split(";").map((s) => s.trim());
    const eq = pair!.indexOf("=");
    const attrs: Record<string, string | true> = {};
    for (const a of rest) {
      const i = a.indexOf("=");
      if (i === -1) attrs[a.toLowerCase()] = true;
      else attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
    }
    return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attrs };
  });
}

export type StoreLoginAnswer = LoginAnswer & {
  store: { id: string; code: string; slug: string; name: string };
  store_role: string;
};

export async function storeLogin(
  storeCode: string,
  identifier: string,
  password: string,
): Promise<StoreLoginAnswer> {
  const res = await postJson("/api/v1/store/auth/login", {
    email_or_username: identifier,
    password,
    store_code: storeCode,
  });
  if (res.status !== 200) throw new Error(`store login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as StoreLoginAnswer;
}

export async function send(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(baseUrl() + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
}

export type CallOptions = {
  method?: string;
  host?: string;
  body?: unknown;
  token?: string;
  referer?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** The source address (any of 127.0.0.0/8): another client, as far as per-IP limits can tell. */
  localAddress?: string;
};

/** One request over node:http, because fetch will not send a Host of our choosing. */
export function rawRequest(base: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, base);
  const headers: Record<string, string> = { ...options.headers, host: options.host ?? url.host };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.referer) headers.referer = options.referer;
  if (options.cookie) headers.cookie = options.cookie;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? (body ? "POST" : "GET"),
        headers,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, value);
          }
          const status = res.statusCode ?? 500;
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, headers: out }));
        });
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
