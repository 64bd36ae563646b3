// `npm test`: every test of the project in one command. Builds the app once, runs the unit
// and integration tests (vitest, real PostgreSQL) and the browser tests (Playwright, Debian's
// Chromium), then prints one summary line and fails if anything failed or nothing ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
// Not test-results/: Playwright empties that folder when it starts.
const results = path.join(root, "test-reports");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

type Counts = { passed: number; failed: number; skipped: number };

function run(label: string, command: string, args: string[]): number {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return result.status ?? 1;
}

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

if (process.env.ORION_SKIP_BUILD !== "1") {
  if (
    run("build (next build)", process.execPath, [
      path.join(root, "node_modules/next/dist/bin/next"),
      "build",
    ]) !== 0
  ) {
    console.log("\nSummary: 0 passed, 1 failed");
    process.exit(1);
  }
}

const vitestFile = path.join(results, "vitest.json");
const vitestCode = run("unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestFile}`,
]);

const e2eFile = path.join(results, "e2e.json");
const e2eCode = run("browser tests (playwright)", bin("playwright"), ["test"]);

const v = vitestCounts(vitestFile);
const e = playwrightCounts(e2eFile);
const total = { passed: v.passed + e.passed, failed: v.failed + e.failed, skipped: v.skipped + e.skipped };
console.log("");
console.log(`vitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped`);
console.log(`playwright: ${e.passed} passed, ${e.failed} failed, ${e.skipped} skipped`);
console.log(`Summary: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
const ok = vitestCode === 0 && e2eCode === 0 && total.failed === 0 && total.passed > 0;
process.exit(ok ? 0 : 1);
