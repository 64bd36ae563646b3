// The pages beside an area's login page (forgot, reset, register): the area table names the
// login page, and its neighbours are its siblings.
import { AREAS, type AreaName, type CookieScope } from "@/lib/auth/areas";

export function besideLogin(area: AreaName, scope: CookieScope, page: string): string {
  return AREAS[area].loginPath(scope).replace(/\/login$/, `/${page}`);
}
