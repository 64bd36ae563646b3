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
