// Posts a page's own server-action form the way a browser without JavaScript does: the
// hidden action fields of the rendered form, plus the fields the visitor fills in.
import { expect } from "vitest";
import { baseUrl } from "./http";

/** The hidden fields of the form on `path` that contains `marker` (the action's id and bound args). */
export async function formOf(path: string, marker: string, cookie?: string): Promise<FormData> {
  const page = await fetch(baseUrl() + path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  expect(page.status, path).toBe(200);
  const html = await page.text();
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with "${marker}" on ${path}`);
  const data = new FormData();
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name) data.append(name.replace(/&amp;/g, "&"), value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  return data;
}

/** Fills and submits that form from our own origin with the visitor's cookie. */
export async function submitForm(
  path: string,
  marker: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<Response> {
  const form = await formOf(path, marker, cookie);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return fetch(baseUrl() + path, {
    method: "POST",
    body: form,
    headers: { origin: baseUrl(), cookie },
    redirect: "manual",
  });
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden inputs of the form labelled `label` in `html`. */
export function hiddenFields(html: string, label: string): Array<[string, string]> {
  const form = new RegExp(`<form[^>]*aria-label="${label}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (!form) throw new Error(`no form "${label}" on the page`);
  return [...form[1]!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [
    m[1]!,
    decode(m[2] ?? ""),
  ]);
}

export type FormAnswer = { status: number; html: string };

/** On the server at `base`: GETs `path` with `cookie`, then posts its form labelled `label` with `fields`. */
export async function submitFormAt(
  base: string,
  path: string,
  label: string,
  fields: Record<string, string>,
  cookie: string,
): Promise<FormAnswer> {
  const page = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status}`);
  const body = new FormData();
  for (const [name, value] of hiddenFields(await page.text(), label)) body.append(name, value);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const res = await fetch(base + path, {
    method: "POST",
    body,
    headers: { cookie, origin: new URL(base).origin },
    redirect: "manual",
  });
  return { status: res.status, html: await res.text() };
}
