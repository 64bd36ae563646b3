// What the shared sign-in pages and actions (lib/auth-ui/actions.ts, components/auth/) need of
// each area beyond its row of the area table: where its store comes from, how its password
// step and second step are run, the link a reset mail carries, and how its password is
// changed. Everything else (paths, cookies, the session's owner) follows from the row.
import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { z } from "zod";
import type { Store } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { completeAdminMfa, loginAdmin } from "@/lib/admin/auth";
import { type AreaName, type CookieScope, AREAS } from "@/lib/auth/areas";
import type { AdminPrincipal, CustomerPrincipal, StorePrincipal } from "@/lib/auth/guards";
import type { IssuedTokens, LoginInput, MfaLoginInput, MfaRequired } from "@/lib/auth/login";
import type { SessionOwner } from "@/lib/auth/session-list";
import { type ResetTarget, resetSchema } from "@/lib/auth/reset";
import type { RequestContext } from "@/lib/http";
import { platformLink } from "@/lib/links";
import { completeStoreMfa, loginStore } from "@/lib/store/auth";
import { changeCustomerPassword, passwordChangeSchema } from "@/lib/storefront/account";
import { completeCustomerMfa, loginCustomer } from "@/lib/storefront/auth";
import { shopLink, storefrontPage } from "@/lib/storefront/context";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { besideLogin } from "./paths";
import { changeUserPassword, userPasswordChangeForm } from "@/lib/users";
import { withConfirmation } from "@/lib/validation";

/** What a shared action is bound to: the area, and the store's slug where it has stores ("" where not). */
export type AuthAt = { area: AreaName; slug: string };

/** The reset form of an area: the token, a new password of the area's length, its repetition. */
export const resetForm = (area: AreaName) => withConfirmation(resetSchema(area), "password");

/** The request's place in an area: its cookie scope, its store (store-scoped areas) and the base of its links. */
export type AuthPlace = { area: AreaName; slug: string; scope: CookieScope; store: Store | null };

export type AnyPrincipal = AdminPrincipal | StorePrincipal | CustomerPrincipal;

type PasswordChange = { current_password: string; new_password: string };

type AuthUiRow = {
  /** The place of a request for `slug`; null when its store does not exist. */
  place: (slug: string) => Promise<AuthPlace | null>;
  login: (
    place: AuthPlace,
    input: LoginInput,
    ctx: RequestContext,
  ) => Promise<{ tokens: IssuedTokens } | MfaRequired>;
  completeMfa: (
    place: AuthPlace,
    input: MfaLoginInput,
    ctx: RequestContext,
  ) => Promise<{ tokens: IssuedTokens }>;
  /** Whose reset links the forgot-password form sends, and the link the mail carries. */
  resetTarget: (place: AuthPlace) => ResetTarget;
  resetLink: (place: AuthPlace, token: string) => Promise<string>;
  /** The change-password form: current, new (the area's minimum) and its repetition. */
  passwordForm: z.ZodType<PasswordChange>;
  /** False when the current password was wrong. */
  changePassword: (p: AnyPrincipal, data: PasswordChange, ctx: RequestContext) => Promise<boolean>;
  /** The page that lists the principal's sessions, refreshed after one is ended. */
  sessionsPath: (place: AuthPlace) => string;
};

const consolePlace = (area: AreaName) => async (slug: string) => ({ area, slug, scope: {}, store: null });

async function storePlace(slug: string): Promise<AuthPlace | null> {
  const store = await storeBySlug(slug);
  return store ? { area: "store", slug, scope: { slug }, store } : null;
}

async function shopPlace(slug: string): Promise<AuthPlace> {
  const { store, method } = await storefrontPage(slug);
  return { area: "customer", slug, scope: { slug, method }, store };
}

/** A password change of a staff or admin account, recorded in the audit trail. */
async function changeStaffPassword(
  p: AdminPrincipal | StorePrincipal,
  data: PasswordChange,
  related: readonly string[],
  ctx: RequestContext,
): Promise<boolean> {
  const storeId = p.area === "store" ? p.store.id : null;
  const who = { userId: p.id, sessionId: p.sessionId, area: p.area, storeId };
  if (!(await changeUserPassword(who, data.current_password, data.new_password, related, ctx))) return false;
  await recordAuthEvent(
    "password_changed",
    { area: p.area, ...(storeId ? { storeId } : {}), userId: p.id, sessionId: p.sessionId },
    ctx,
  );
  return true;
}

const platformReset = (place: AuthPlace, token: string) =>
  Promise.resolve(platformLink(`${besideLogin(place.area, place.scope, "reset-password")}?token=${token}`));

export const AUTH_UI: Record<AreaName, AuthUiRow> = {
  admin: {
    place: consolePlace("admin"),
    login: (_place, input, ctx) => loginAdmin(input, ctx),
    completeMfa: (_place, input, ctx) => completeAdminMfa(input, ctx),
    resetTarget: () => ({ area: "admin" }),
    resetLink: platformReset,
    passwordForm: userPasswordChangeForm,
    changePassword: (p, data, ctx) => changeStaffPassword(p as AdminPrincipal, data, ["orion", "admin"], ctx),
    sessionsPath: () => "/admin/sessions",
  },
  store: {
    place: storePlace,
    login: (place, input, ctx) => loginStore({ ...input, store_code: place.slug }, ctx),
    completeMfa: (_place, input, ctx) => completeStoreMfa(input, ctx),
    resetTarget: (place) => ({ area: "store", storeId: place.store!.id }),
    resetLink: platformReset,
    passwordForm: userPasswordChangeForm,
    changePassword: (p, data, ctx) => {
      const { store } = p as StorePrincipal;
      return changeStaffPassword(p as StorePrincipal, data, [store.name, store.slug, store.code], ctx);
    },
    sessionsPath: (place) => `/store/${place.slug}/security`,
  },
  customer: {
    place: shopPlace,
    login: (place, input, ctx) => loginCustomer(place.store!, input, ctx),
    completeMfa: (place, input, ctx) => completeCustomerMfa(place.store!, input, ctx),
    resetTarget: ({ store }) => ({
      area: "customer",
      storeId: store!.id,
      brand: { name: store!.name, color: store!.theme.primaryColor },
    }),
    resetLink: async (place, token) =>
      shopLink(
        { store: place.store!, method: place.scope.method!, base: AREAS.customer.cookiePath(place.scope) },
        await headers(),
        `/account/reset-password?token=${token}`,
      ),
    passwordForm: withConfirmation(passwordChangeSchema, "new_password"),
    changePassword: (p, data, ctx) => changeCustomerPassword(p.id, p.sessionId, data, ctx),
    sessionsPath: (place) => `/storefront/${place.slug}/account/sessions`,
  },
};

/** The owner of the principal's sessions, as the area's row describes its accounts. */
export function sessionOwnerOf(p: AnyPrincipal): SessionOwner {
  const def = AREAS[p.area];
  if (def.account.table === "customers") return { area: p.area, customerId: p.id };
  return def.storeScoped && "store" in p
    ? { area: p.area, userId: p.id, storeId: p.store.id }
    : { area: p.area, userId: p.id };
}

/** The place of a sign-in page; the 404 page when its store does not exist. */
export async function pagePlace(area: AreaName, slug: string): Promise<AuthPlace> {
  const place = await AUTH_UI[area].place(slug);
  if (!place) notFound();
  return place;
}
