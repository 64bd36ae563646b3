// Reads the environment once and fails fast on a bad value.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./net/forwarded";

// The placeholder in .env.example: a server in production refuses to start with it.
export const EXAMPLE_SECRET = "change-me-to-64-random-hex-characters-from-openssl-rand-hex-32";

const MIN_PRODUCTION_BCRYPT_COST = 10;

const envSchema = z.object({
  ENVIRONMENT: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_LISTEN_URL: z.string().url().optional(),
  AUTH_SESSION_CACHE: z.enum(["on", "off"]).default("on"),
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  JWT_SECRET_KEY: z.string().optional(),
  JWT_PREVIOUS_SECRET_KEYS: z.string().optional(),
  JWT_EXPIRE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  PASSWORD_HASH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  PLATFORM_DOMAIN: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TRUSTED_PROXIES: z.string().optional(),
  ADMIN_USERNAME: z.string().optional(),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ORION_DATA_DIR: z.string().default(".data"),
  ORION_UPLOAD_DIR: z.string().optional(),
  SMTP_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_:-]{1,64}$/)
    .default("orion"),
  RATE_LIMIT_EXEMPT_IPS: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  // The first retry of a mail that did not go; each later one waits about twice as long.
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Retries after the first attempt before a mail is `failed` (11 with the 30 s base: about a day).
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(11),
  // How long a delivery may run before the queue takes its worker for dead and tries again.
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  MAIL_QUEUE: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/)
    .default("mail"),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(40).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
});

/** A sign-in provider the platform configures (README › Social sign-in); `id` is next-auth's provider id. */
type PlatformProvider = {
  id: "oidc" | "google" | "github";
  name: string;
  clientId: string;
  clientSecret: string;
  /** The OIDC issuer; GitHub speaks plain OAuth 2 and has none. */
  issuer: string | null;
};

export type Config = {
  environment: "development" | "test" | "production";
  isProduction: boolean;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  /** Where this process LISTENs for changes of session state: a direct connection, never a pooler. */
  databaseListenUrl: string | undefined;
  /** Guards may keep session state in memory while the LISTEN connection is up. */
  authSessionCache: boolean;
  databaseConnectTimeoutSeconds: number;
  databaseStatementTimeoutMs: number;
  jwtSecrets: { current: string; previous: string[] };
  jwtExpireMinutes: number;
  bcryptCost: number;
  passwordHashThreads: number;
  platformDomain: string;
  /** The platform's public origin (scheme, host, port): every link in mail starts here. */
  publicUrl: string;
  /** TRUSTED_PROXIES as written: the proxies whose forwarding headers are believed. */
  trustedProxies: string;
  dataDir: string;
  firstAdmin: { username: string; email: string; password: string } | null;
  smtpUrl: string | undefined;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  rateLimitExemptIps: Set<string>;
  mailFrom: string;
  mailRetryBaseSeconds: number;
  mailRetryLimit: number;
  /** The queue this instance fills and works; instances with the same mail setup share it. */
  mailQueue: string;
  mailLeaseSeconds: number;
  /** Social sign-in providers, in the order their buttons show. */
  socialProviders: PlatformProvider[];
};

/** ORION_UPLOAD_DIR, or `uploads` in the data directory: the seed and the server agree on it. */
export function uploadDirOf(env: Record<string, string | undefined> = process.env): string {
  if (env.ORION_UPLOAD_DIR) return path.resolve(env.ORION_UPLOAD_DIR);
  return path.join(path.resolve(env.ORION_DATA_DIR || ".data"), "uploads");
}

/** A secret for development kept in the data directory, so tokens survive a restart. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, "jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function assertStrongSecret(secret: string, name: string): void {
  if (Buffer.byteLength(secret, "utf8") < 32) throw new Error(`${name} must be at least 32 bytes`);
  if (secret === EXAMPLE_SECRET) throw new Error(`${name} is the example value from .env.example`);
}

/**
 * The platform's address from PUBLIC_URL and PLATFORM_DOMAIN: either gives the other (https in
 * production, http otherwise); both set must name the same host. Never from a request.
 */
function publicAddress(
  publicUrl: string | undefined,
  domain: string | undefined,
  isProduction: boolean,
  port: number,
): { platformDomain: string; publicUrl: string } {
  if (publicUrl) {
    const url = new URL(publicUrl);
    if (
      !["http:", "https:"].includes(url.protocol) ||
      url.pathname !== "/" ||
      url.search ||
      url.hash ||
      url.username
    ) {
      throw new Error("PUBLIC_URL must be an origin such as https://shops.example.com, without a path");
    }
    if (domain && domain.toLowerCase() !== url.host) {
      throw new Error(`PUBLIC_URL (${url.host}) and PLATFORM_DOMAIN (${domain}) name different hosts`);
    }
    return { platformDomain: url.host, publicUrl: url.origin };
  }
  // Unset, the platform is this machine on the port the server listens on.
  const platformDomain = (domain ?? `localhost:${port}`).toLowerCase();
  if (
    !URL.canParse(`http://${platformDomain}`) ||
    new URL(`http://${platformDomain}`).host !== platformDomain
  ) {
    throw new Error(`PLATFORM_DOMAIN must be a host name with an optional port, not "${platformDomain}"`);
  }
  return { platformDomain, publicUrl: `${isProduction ? "https" : "http"}://${platformDomain}` };
}

function socialProviders(e: z.infer<typeof envSchema>): PlatformProvider[] {
  const found: PlatformProvider[] = [];
  const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together");
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    found.push({
      id: "oidc",
      name: e.OIDC_NAME ?? "OpenID Connect",
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
    });
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    found.push({
      id: "google",
      name: "Google",
      clientId: e.GOOGLE_CLIENT_ID,
      clientSecret: e.GOOGLE_CLIENT_SECRET,
      issuer: "https://accounts.google.com",
    });
  }
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    found.push({
      id: "github",
      name: "GitHub",
      clientId: e.GITHUB_CLIENT_ID,
      clientSecret: e.GITHUB_CLIENT_SECRET,
      issuer: null,
    });
  }
  return found;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  const isProduction = e.ENVIRONMENT === "production";
  const dataDir = path.resolve(e.ORION_DATA_DIR);

  let current = e.JWT_SECRET_KEY?.trim();
  if (!current) {
    if (isProduction) throw new Error("JWT_SECRET_KEY is required when ENVIRONMENT=production");
    current = developmentSecret(dataDir);
  }
  const previous = (e.JWT_PREVIOUS_SECRET_KEYS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  assertStrongSecret(current, "JWT_SECRET_KEY");
  previous.forEach((p) => assertStrongSecret(p, "JWT_PREVIOUS_SECRET_KEYS"));
  // Tests hash with cost 4 for speed; stored passwords need at least 10 (OWASP, ASVS V2.4.4).
  if (isProduction && e.BCRYPT_COST < MIN_PRODUCTION_BCRYPT_COST) {
    throw new Error(`BCRYPT_COST must be at least ${MIN_PRODUCTION_BCRYPT_COST} when ENVIRONMENT=production`);
  }

  const { platformDomain, publicUrl } = publicAddress(e.PUBLIC_URL, e.PLATFORM_DOMAIN, isProduction, e.PORT);
  parseTrustedProxies(e.TRUSTED_PROXIES); // a typo fails here, at start

  const firstAdmin =
    e.ADMIN_USERNAME && e.ADMIN_PASSWORD
      ? {
          username: e.ADMIN_USERNAME,
          email: e.ADMIN_EMAIL ?? `${e.ADMIN_USERNAME}@${platformDomain.split(":")[0]}`,
          password: e.ADMIN_PASSWORD,
        }
      : null;

  return {
    environment: e.ENVIRONMENT,
    isProduction,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseListenUrl: e.DATABASE_LISTEN_URL ?? e.DATABASE_URL,
    authSessionCache: e.AUTH_SESSION_CACHE === "on",
    databaseConnectTimeoutSeconds: e.DATABASE_CONNECT_TIMEOUT_SECONDS,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    jwtSecrets: { current, previous },
    jwtExpireMinutes: e.JWT_EXPIRE_MINUTES,
    bcryptCost: e.BCRYPT_COST,
    passwordHashThreads: e.PASSWORD_HASH_THREADS ?? Math.max(1, cpus().length),
    platformDomain,
    publicUrl,
    trustedProxies: e.TRUSTED_PROXIES ?? "",
    dataDir,
    firstAdmin,
    smtpUrl: e.SMTP_URL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    rateLimitExemptIps: new Set(
      (e.RATE_LIMIT_EXEMPT_IPS ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    mailFrom: e.MAIL_FROM ?? `Orion <no-reply@${platformDomain.split(":")[0]}>`,
    mailRetryBaseSeconds: e.MAIL_RETRY_BASE_SECONDS,
    mailRetryLimit: e.MAIL_RETRY_LIMIT,
    mailQueue: e.MAIL_QUEUE,
    mailLeaseSeconds: e.MAIL_LEASE_SECONDS,
    socialProviders: socialProviders(e),
  };
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
