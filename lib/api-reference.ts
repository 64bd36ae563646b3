// The API reference page for developers (/developers/api): Scalar's standalone bundle, served
// from our own origin, reading GET /api/v1/openapi.json. Its scripts carry the page's nonce
// (lib/security-headers), nothing comes from another host: no hosted fonts, no telemetry, no agent,
// no proxy for "try it" requests (they go to this origin, which connect-src allows). The zod
// inside the bundle is told not to compile validators (it would probe eval, which script-src
// refuses).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { NONCE_HEADER } from "@/lib/security-headers";

const PACKAGE = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules/@scalar/api-reference");

/** Where the bundle is served; its version in the query, so a new one is fetched anew. */
async function bundleUrl(): Promise<string> {
  const { version } = JSON.parse(await readFile(path.join(PACKAGE, "package.json"), "utf8")) as {
    version: string;
  };
  return `/developers/api/scalar.js?v=${encodeURIComponent(version)}`;
}

const SETTINGS = {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  mcp: { disabled: true },
};

const escapeAttribute = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function referencePage(request: Request): Promise<Response> {
  const nonce = escapeAttribute(request.headers.get(NONCE_HEADER) ?? "");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Orion API reference</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="api-reference"></div>
<script nonce="${nonce}">globalThis.__zod_globalConfig = { jitless: true };</script>
<script nonce="${nonce}" src="${await bundleUrl()}"></script>
<script nonce="${nonce}">Scalar.createApiReference("#api-reference", ${JSON.stringify(SETTINGS)});</script>
</body>
</html>`;
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// Scalar's stylesheet names its fonts (Inter, JetBrains Mono) on its own host, which the
// page's font-src refuses, and loads them whatever `withDefaultFonts` says: served here, each
// such face is the copy installed on the reader's machine, if any, else the system's font.
const HOSTED_FONT = /url\(https:\/\/fonts\.scalar\.com\/([\w-]+)\.woff2\) format\("woff2"\)/g;

let bundle: Promise<string> | undefined;

async function localFontBundle(): Promise<string> {
  const script = await readFile(path.join(PACKAGE, "dist/browser/standalone.js"), "utf8");
  return script.replace(HOSTED_FONT, (_, file: string) =>
    file.startsWith("mono") ? 'local("JetBrains Mono")' : 'local("Inter")',
  );
}

export async function referenceBundle(): Promise<Response> {
  return new Response(await (bundle ??= localFontBundle()), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
