// The plain pages of social sign-in's own routes (route handlers, outside the React tree):
// a clear message and the way back, every value escaped.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function messagePage(
  status: number,
  title: string,
  text: string,
  back: { url: string; label: string } | null,
): Response {
  const link = back
    ? `<p><a href="${escape(back.url)}" style="color:#1d4ed8">${escape(back.label)}</a></p>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;text-align:center;color:#0f172a"><main style="max-width:32rem;padding:1rem"><h1>${escape(title)}</h1><p style="color:#475569">${escape(text)}</p>${link}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}
