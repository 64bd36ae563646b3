// `npm run db:seed`: loads the demo data into the database named by DATABASE_URL.
import { connect } from "./connect";
import { migrateDatabase } from "./migrate";
import { seedDemo } from "./seed";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to seed (npm start seeds its embedded database itself).");
  process.exit(1);
}
if (process.env.ENVIRONMENT === "production") {
  console.error("Refusing to load demo accounts with known passwords into a production database.");
  process.exit(1);
}
await migrateDatabase(url);
const { db, client } = connect(url, 1);
await seedDemo(db);
await client.end();
console.log("Demo data loaded.");
process.exit(0);
