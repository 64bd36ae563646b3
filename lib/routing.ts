// Which page area a path belongs to, for the request layer. Pure, so every shape is unit
// tested: `/storefront/…` is never the store area, `/administrator` never the admin console.
import { isValidSlug } from "@/lib/tenancy/slug";

export type PageArea =
  { area: "admin"; public: boolean } | { area: "store"; slug: string; rawSlug: string; public: boolean };

const ADMIN_PUBLIC = new Set([
  "/admin/login",
  "/admin/login/mfa",
  "/admin/forgot-password",
  "/admin/reset-password",
]);
// Pages of a store reachable without a store session: sign-in, password reset, invitations.
const STORE_PUBLIC = new Set(["login", "accept-invitation", "forgot-password", "reset-password"]);

export function pageAreaOf(pathname: string): PageArea | null {
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    return { area: "admin", public: ADMIN_PUBLIC.has(pathname.replace(/\/+$/, "")) };
  }
  if (pathname.startsWith("/store/")) {
    const [rawSlug = "", first = ""] = pathname.slice("/store/".length).split("/");
    const slug = rawSlug.toLowerCase();
    if (!isValidSlug(slug)) return null;
    return { area: "store", slug, rawSlug, public: STORE_PUBLIC.has(first) };
  }
  return null;
}

// Storefront pages anyone may see; the rest of the account and the checkout need a customer.
const STOREFRONT_PUBLIC_ACCOUNT = new Set([
  "login",
  "register",
  "forgot-password",
  "reset-password",
  "verify-email",
]);

/** `rest` is the path after the store's base (`/storefront` or `/storefront/{slug}`). */
export function storefrontPageIsPublic(rest: string): boolean {
  const [first = "", second = ""] = rest.replace(/^\/+/, "").split("/");
  if (first === "checkout") return false;
  if (first !== "account") return true;
  return STOREFRONT_PUBLIC_ACCOUNT.has(second);
}
