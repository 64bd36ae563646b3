// `npm start`: the app on a fresh clone. Without DATABASE_URL it starts the embedded database
// (loading the demo data on its first start), builds the app when the sources changed, then
// serves it and prints where to go. `npm run dev` does the same with the development server.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { connect } from "../db/connect";
import { migrateDatabase } from "../db/migrate";
import { DEMO_ACCOUNTS, seedDemo } from "../db/seed";
import { loadConfig } from "../lib/config";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded-db";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "lib", "db", "components", "public"].filter((d) => existsSync(path.join(root, d)));
  const files = ["proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];
  return (
    sources.some((d) => newestSourceTime(path.join(root, d)) > built) ||
    files.some((f) => existsSync(f) && statSync(f).mtimeMs > built)
  );
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const cfg = loadConfig(env);
  env.JWT_SECRET_KEY = cfg.jwtSecrets.current;
  env.ENVIRONMENT = cfg.environment;

  let embedded: EmbeddedDatabase | null = null;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase(cfg.dataDir);
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_MAX = "1";
    // PGlite is one database session behind the socket: a LISTEN on a connection of its own is
    // not known to hear the others' notices, so guards ask the database every time.
    env.AUTH_SESSION_CACHE = "off";
    console.log(`Embedded PostgreSQL (PGlite) in ${path.join(cfg.dataDir, "pgdata")}`);
    await migrateDatabase(embedded.url);
    if (embedded.isNew && !cfg.isProduction) {
      console.log("First start: loading the demo data…");
      const { db, client } = connect(embedded.url, 1);
      await seedDemo(db);
      await client.end();
    }
  }

  if (!dev && needsBuild()) {
    console.log("Building the app (once after each change; about a minute)…");
    const code = await run(["build"], env);
    if (code !== 0) process.exit(code);
  }

  // Orion's server in front of Next (scripts/server.ts): it decides who each request is from.
  const server = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/server.ts"), ...(dev ? ["--dev"] : [])],
    {
      stdio: ["inherit", "pipe", "inherit"],
      env: { ...env, PORT: String(port) },
    },
  );
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      announce(port, Boolean(embedded));
    }
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
}

function announce(port: number, demo: boolean): void {
  const base = `http://localhost:${port}`;
  const lines = [
    "",
    "Orion is running.",
    `  Admin console           ${base}/admin/login`,
    `  ACME store dashboard    ${base}/store/acme/login`,
    `  ORION store dashboard   ${base}/store/orion/login`,
    `  ORION shop, by path     ${base}/storefront/orion`,
    `  ORION shop, subdomain   http://orion.localhost:${port}/storefront`,
    `  ACME shop, subdomain    http://acme.localhost:${port}/storefront`,
    `  ORION shop, own domain  http://orion.lu:${port}/storefront  (map orion.lu to 127.0.0.1 first)`,
    `  Health                  ${base}/api/v1/health`,
    "",
  ];
  if (demo) {
    lines.push("Demo accounts (development only):");
    for (const a of DEMO_ACCOUNTS)
      lines.push(`  ${a.who.padEnd(26)} ${a.login.padEnd(34)} ${a.password.padEnd(12)} ${base}${a.url}`);
    lines.push(
      "",
      "Try the API:",
      `  curl -X POST ${base}/api/v1/admin/auth/login -H 'content-type: application/json' \\`,
      `       -d '{"email_or_username":"admin","password":"admin123"}'`,
      "",
    );
  }
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
