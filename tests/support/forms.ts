// Submits a page's form as a browser without JavaScript does (React's progressive
// enhancement): the form's hidden action fields and the fields typed, posted from the page's
// own origin; the answer is the page rendered with the form's state.

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

/** GETs `path` with `cookie`, then posts its form `label` with `fields`. */
export async function submitForm(
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
