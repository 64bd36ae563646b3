// What each store role may do, defined once and checked by every store guard (pages,
// server actions and API alike).
import type { StoreRole } from "@/db/schema";

const PERMISSIONS = [
  "dashboard.read",
  "products.read",
  "products.write",
  "orders.read",
  "orders.write",
  "customers.read",
  "customers.write",
  "team.read",
  "team.manage",
  "settings.manage",
  // The statuses of the mail sent in the store's name (to shoppers and invitees): owners only,
  // like the store's activity, since they say who asked for a reset and when.
  "mail.read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const STAFF: readonly Permission[] = [
  "dashboard.read",
  "products.read",
  "products.write",
  "orders.read",
  "orders.write",
  "customers.read",
];

const MANAGER: readonly Permission[] = [...STAFF, "customers.write", "team.read", "settings.manage"];

export const ROLE_PERMISSIONS: Record<StoreRole, readonly Permission[]> = {
  owner: PERMISSIONS,
  manager: MANAGER,
  staff: STAFF,
};

export const STORE_ROLES: readonly StoreRole[] = ["owner", "manager", "staff"];
