ALTER TYPE "public"."one_time_purpose" ADD VALUE 'social_link';--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "has_password" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Customers that a social sign-in made before this column existed, and that never set a
-- password since (by a reset link or a change): their password is the random one nobody knows.
UPDATE "customers" SET "has_password" = false
WHERE "id" IN (SELECT "customer_id" FROM "auth_events" WHERE "type" = 'customer_registered' AND "details" ? 'provider')
AND "id" NOT IN (SELECT "customer_id" FROM "auth_events" WHERE "type" IN ('password_reset', 'password_changed') AND "customer_id" IS NOT NULL);
