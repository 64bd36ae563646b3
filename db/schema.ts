// The identity tables of Orion. This file is the source of the row types.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AREA_NAMES } from "../lib/auth/areas";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const userRole = pgEnum("user_role", ["admin", "store"]);
export const storeStatus = pgEnum("store_status", ["active", "suspended"]);
export const storeRole = pgEnum("store_role", ["owner", "manager", "staff"]);
export const area = pgEnum("area", AREA_NAMES);
export const oneTimePurpose = pgEnum("one_time_purpose", [
  "password_reset",
  "email_verification",
  "invitation",
  "social_sign_in",
  "social_link",
]);
export const orderStatus = pgEnum("order_status", [
  "pending_payment",
  "paid",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
]);

export type StoreTheme = {
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  font: string;
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    // Bumped to end every session of the user at once.
    tokenVersion: integer("token_version").notNull().default(0),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
  ],
);

export const stores = pgTable(
  "stores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    status: storeStatus("status").notNull().default("active"),
    theme: jsonb("theme").$type<StoreTheme>().notNull(),
    // Per-store counters, taken with UPDATE … RETURNING so concurrent writers never collide.
    lastCustomerNumber: integer("last_customer_number").notNull().default(0),
    lastOrderNumber: integer("last_order_number").notNull().default(0),
    // The owner's rule that every member signs in with a second factor.
    requireStaffMfa: boolean("require_staff_mfa").notNull().default(false),
    // The uploaded logo: its files are stored like a product picture's, under this id; a
    // replacement gets a new id, so a cached old logo is never shown for the new one.
    logoImageId: uuid("logo_image_id"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("stores_code_upper_key").on(sql`upper(${t.code})`),
    uniqueIndex("stores_slug_key").on(t.slug),
    check("stores_slug_format", sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'`),
  ],
);

export const storeDomains = pgTable(
  "store_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    isVerified: boolean("is_verified").notNull().default(false),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("store_domains_domain_lower_key").on(sql`lower(${t.domain})`),
    index("store_domains_store_id_idx").on(t.storeId),
  ],
);

export const storeMembers = pgTable(
  "store_members",
  {
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: storeRole("role").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.userId] }), index("store_members_user_id_idx").on(t.userId)],
);

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    customerNumber: text("customer_number").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    phone: text("phone"),
    marketingConsent: boolean("marketing_consent").notNull().default(false),
    passwordHash: text("password_hash").notNull(),
    // False for a customer made by a social sign-in, whose password_hash is random and known to
    // nobody, until they set a password (Sign-in methods, or a reset link).
    hasPassword: boolean("has_password").notNull().default(true),
    isActive: boolean("is_active").notNull().default(true),
    tokenVersion: integer("token_version").notNull().default(0),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    totalOrders: integer("total_orders").notNull().default(0),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("customers_store_email_lower_key").on(t.storeId, sql`lower(${t.email})`),
    uniqueIndex("customers_store_number_key").on(t.storeId, t.customerNumber),
  ],
);

// One row per login. Access tokens carry its id as `sid`; the guards refuse a token whose
// session is revoked, expired, or older than the principal's token_version.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    area: area("area").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    storeId: uuid("store_id").references(() => stores.id, { onDelete: "cascade" }),
    tokenVersion: integer("token_version").notNull(),
    rememberMe: boolean("remember_me").notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    // Absolute end of the session, however often it is refreshed.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_customer_id_idx").on(t.customerId),
    index("sessions_store_id_idx").on(t.storeId),
    check("sessions_one_principal", sql`(${t.userId} is null) <> (${t.customerId} is null)`),
  ],
);

// Opaque refresh tokens, stored as SHA-256 hashes; each is used once and replaced.
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    // The client that exchanged it (a hash of its IP and user agent): only that client's
    // requests sent at the same moment count as siblings of the exchange, not as a replay.
    usedBy: text("used_by"),
  },
  (t) => [index("refresh_tokens_session_id_idx").on(t.sessionId)],
);

// A TOTP authenticator of a user or a customer. The secret is encrypted with a key
// derived from the signing secret; `last_step` refuses a code's second use (RFC 6238 §5.2).
export const totpFactors = pgTable(
  "totp_factors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    secretEncrypted: text("secret_encrypted").notNull(),
    // Null while enrolment waits for its confirming code.
    enabledAt: timestamp("enabled_at", { withTimezone: true }),
    lastStep: integer("last_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("totp_factors_user_id_key").on(t.userId),
    uniqueIndex("totp_factors_customer_id_key").on(t.customerId),
    check("totp_factors_one_principal", sql`(${t.userId} is null) <> (${t.customerId} is null)`),
  ],
);

// One-time recovery codes, stored as SHA-256 hashes (each carries 80 random bits).
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("recovery_codes_user_id_idx").on(t.userId),
    index("recovery_codes_customer_id_idx").on(t.customerId),
    check("recovery_codes_one_principal", sql`(${t.userId} is null) <> (${t.customerId} is null)`),
  ],
);

// The pending second step of a login: the password was right, no session exists yet. The
// token is opaque, stored hashed, single use, short-lived and limited in attempts (S35).
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    area: area("area").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    storeId: uuid("store_id").references(() => stores.id, { onDelete: "cascade" }),
    // The lockout key of the password step (the account's): wrong codes count there.
    lockKey: text("lock_key").notNull(),
    rememberMe: boolean("remember_me").notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("mfa_challenges_one_principal", sql`(${t.userId} is null) <> (${t.customerId} is null)`)],
);

// Password reset, email verification and invitation tokens: hashed, single use, expiring.
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: oneTimePurpose("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    storeId: uuid("store_id").references(() => stores.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("one_time_tokens_user_id_idx").on(t.userId),
    index("one_time_tokens_customer_id_idx").on(t.customerId),
    index("one_time_tokens_store_id_idx").on(t.storeId),
  ],
);

// A provider identity (issuer + `sub`) of one customer of one store (README › Social sign-in): the same
// account at a provider is a separate customer at each store, and one customer per store at most.
export const customerIdentities = pgTable(
  "customer_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("customer_identities_store_issuer_subject_key").on(t.storeId, t.issuer, t.subject),
    index("customer_identities_customer_id_idx").on(t.customerId),
  ],
);

// A store's choices about social sign-in: a platform provider turned off (or on again), and
// the store's own OIDC client (provider "store"), whose secret is encrypted like TOTP secrets.
export const storeSignInProviders = pgTable(
  "store_sign_in_providers",
  {
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    name: text("name"),
    issuer: text("issuer"),
    clientId: text("client_id"),
    clientSecretEncrypted: text("client_secret_encrypted"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.storeId, t.provider] })],
);

export const authEvents = pgTable(
  "auth_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    type: text("type").notNull(),
    area: area("area").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    storeId: uuid("store_id").references(() => stores.id, { onDelete: "set null" }),
    sessionId: uuid("session_id"),
    // What the person typed as their login, for failed attempts on unknown accounts.
    identifier: text("identifier"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("auth_events_created_at_idx").on(t.createdAt),
    index("auth_events_store_id_created_at_idx").on(t.storeId, t.createdAt),
    index("auth_events_user_id_idx").on(t.userId),
    index("auth_events_customer_id_idx").on(t.customerId),
  ],
);

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull().default("EUR"),
    stock: integer("stock").notNull().default(0),
    imageUrl: text("image_url"),
    isActive: boolean("is_active").notNull().default(true),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("products_store_id_idx").on(t.storeId, t.createdAt),
    check("products_price_nonnegative", sql`${t.priceCents} >= 0`),
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
  ],
);

// Pictures of a product, uploaded by its store. The files (one WebP per width the pages use)
// live on disk under the upload directory, keyed by store and image id; a replaced picture
// gets a new id, so every image URL can be cached for good.
export const productImages = pgTable(
  "product_images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    alt: text("alt").notNull().default(""),
    position: integer("position").notNull().default(0),
    isPrimary: boolean("is_primary").notNull().default(false),
    // Of the largest variant, so pages reserve the right space.
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("product_images_product_id_idx").on(t.productId, t.position),
    index("product_images_store_id_idx").on(t.storeId),
    uniqueIndex("product_images_one_primary_key")
      .on(t.productId)
      .where(sql`${t.isPrimary}`),
  ],
);

export type OrderAddress = {
  name: string;
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
};

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    orderNumber: text("order_number").notNull(),
    status: orderStatus("status").notNull().default("pending_payment"),
    currency: text("currency").notNull(),
    totalCents: integer("total_cents").notNull(),
    shippingAddress: jsonb("shipping_address").$type<OrderAddress>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("orders_store_number_key").on(t.storeId, t.orderNumber),
    index("orders_store_id_created_at_idx").on(t.storeId, t.createdAt),
    index("orders_customer_id_idx").on(t.customerId),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id").references(() => products.id, { onDelete: "set null" }),
    // What was bought, as it was then: the product may change or go later.
    productName: text("product_name").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    index("order_items_order_id_idx").on(t.orderId),
    index("order_items_product_id_idx").on(t.productId),
    check("order_items_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const addresses = pgTable(
  "addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    line1: text("line1").notNull(),
    line2: text("line2"),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    phone: text("phone"),
    isDefaultShipping: boolean("is_default_shipping").notNull().default(false),
    ...timestamps,
  },
  (t) => [index("addresses_customer_id_idx").on(t.customerId)],
);

export const wishlistItems = pgTable(
  "wishlist_items",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.productId] }),
    index("wishlist_items_product_id_idx").on(t.productId),
  ],
);

// Messages kept instead of sent when no SMTP server is configured (development): the admin
// console lists them so links can be followed.
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
  },
  (t) => [index("outbox_messages_created_at_idx").on(t.createdAt)],
);

// Counters of rate-limiter-flexible (RateLimiterDrizzle), shared by every server instance.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Store = typeof stores.$inferSelect;
export type StoreMember = typeof storeMembers.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuthEvent = typeof authEvents.$inferInsert;
export type Product = typeof products.$inferSelect;
export type ProductImage = typeof productImages.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type StoreRole = (typeof storeRole.enumValues)[number];
export type Address = typeof addresses.$inferSelect;
