// The page every page request gets while the database is away (503, Retry-After): the same
// from the request layer (proxy.ts) and from Orion's server when a page failed (scripts/server.ts).
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

export const OUTAGE_PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Temporarily unavailable</title></head><body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;text-align:center;color:#0f172a"><main><p style="color:#64748b;font-weight:600;letter-spacing:.05em;text-transform:uppercase;font-size:.8rem">503</p><h1>Temporarily unavailable</h1><p style="color:#475569">We cannot serve this page right now. Please try again in a few seconds.</p></main></body></html>`;

export const OUTAGE_PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS),
} as const;
