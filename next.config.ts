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
  ],
  experimental: {
    authInterrupts: true,
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
