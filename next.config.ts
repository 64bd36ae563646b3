import type { NextConfig } from "next";
import { API_CSP, BASELINE_CSP } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // WASM, worker threads and native-ish packages stay out of the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "piscina",
    "bcryptjs",
    "postgres",
    "nodemailer",
    "rate-limiter-flexible",
    "ioredis",
    "pino",
    "pg-boss",
    "sharp",
  ],
  // Product pictures are resized once, at upload, into the widths of lib/images/sizes.ts and
  // served by the shop's own image route; the loader only picks the file. Next's optimizer
  // would fetch the picture again by its path, without the store's host, so a picture on a
  // custom domain or subdomain would resolve to no store.
  images: {
    loader: "custom",
    loaderFile: "./lib/images/loader.ts",
    imageSizes: [160, 320],
    deviceSizes: [640, 1200],
  },
  experimental: {
    authInterrupts: true,
    // A product picture (at most 5 MB) travels in a server action's form; every other action
    // stays far below this, and the API keeps its own 64 KiB limit for JSON.
    serverActions: { bodySizeLimit: "6mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // No window this app opens, or that opens it, gets a handle on the other.
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Pages the proxy serves replace this with their nonce policy; everything else (a 404
          // of an unknown path, say) gets one that runs no script and cannot be framed.
          { key: "Content-Security-Policy", value: BASELINE_CSP },
        ],
      },
      {
        // Pages get theirs, with a nonce, from the proxy.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CSP }],
      },
    ];
  },
};

export default nextConfig;
