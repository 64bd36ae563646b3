// Runs when a server starts: applies migrations and, in production, creates the first admin
// from ADMIN_USERNAME / ADMIN_PASSWORD when there is none.
import { eq } from "drizzle-orm";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { AREAS } from "@/lib/auth/areas";
import { hashPassword, passwordBytes, warmUpPasswords } from "@/lib/auth/passwords";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { connect } from "./connect";
import { migrateDatabase } from "./migrate";
import { users } from "./schema";

async function ensureFirstAdmin(url: string): Promise<void> {
  const { firstAdmin } = config();
  const { db, client } = connect(url, 1);
  try {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
    if (admin) return;
    if (!firstAdmin) {
      log.warn("no admin exists: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one");
      return;
    }
    const length = [...firstAdmin.password].length;
    if (length < AREAS.admin.minPasswordChars || passwordBytes(firstAdmin.password) > 72) {
      throw new Error(`ADMIN_PASSWORD must be ${AREAS.admin.minPasswordChars} characters to 72 bytes`);
    }
    const weakness = passwordWeakness(firstAdmin.password, [firstAdmin.username, firstAdmin.email]);
    if (weakness) throw new Error(`ADMIN_PASSWORD is refused: ${weakness}`);
    await db.insert(users).values({
      username: firstAdmin.username,
      email: firstAdmin.email,
      role: "admin",
      passwordHash: await hashPassword(firstAdmin.password),
    });
    log.info({ username: firstAdmin.username }, "created the first admin");
  } finally {
    await client.end();
  }
}

export async function bootstrap(): Promise<void> {
  const { databaseUrl, isProduction } = config();
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set. `npm start` provides an embedded database; see README.md");
  }
  await migrateDatabase(databaseUrl);
  if (isProduction) await ensureFirstAdmin(databaseUrl);
  await warmUpPasswords();
}
