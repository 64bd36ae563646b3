// A test-only fourth area, a supplier portal: one more row of the area table and nothing
// else. Importing this module adds the row; the transport and guard tests then run over it
// like over the real three. Its accounts are people in the admin role (the database knows no
// supplier role), its pages live under /supplier.
import { AREAS, AREA_NAMES, type AreaDefinition, type AreaName } from "@/lib/auth/areas";

export const FOURTH = "supplier" as AreaName;

const row: AreaDefinition = {
  name: FOURTH,
  audience: "orion:supplier",
  tokenType: "supplier+jwt",
  accessCookie: "supplier_token",
  refreshCookie: "supplier_refresh",
  mfaCookie: "supplier_mfa",
  cookiePath: () => "/supplier",
  loginPath: () => "/supplier/login",
  homePath: () => "/supplier",
  mfaPath: () => "/supplier/login/mfa",
  sessionHours: 8,
  wrongPrincipalCode: "INSUFFICIENT_PERMISSIONS",
  account: { table: "users", role: "admin" },
  storeScoped: false,
  reachedByHost: false,
  minPasswordChars: 12,
};

if (!Object.hasOwn(AREAS, FOURTH)) {
  (AREAS as Record<string, AreaDefinition>)[FOURTH] = row;
  (AREA_NAMES as unknown as string[]).push(FOURTH);
}

/** A scope that satisfies every row: a slug and an access method. */
export const ANY_SCOPE = { slug: "acme", method: "path" } as const;
