// The route table of the JSON API: every route under /api/v1, one row each.
import { ADMIN_ROUTES } from "./admin";
import { PLATFORM_ROUTES } from "./platform";
import type { ApiRoute } from "./route";
import { STORE_ROUTES } from "./store";
import { STOREFRONT_ROUTES } from "./storefront";

export { ADMIN_ROUTES, PLATFORM_ROUTES, STORE_ROUTES, STOREFRONT_ROUTES };
export type { ApiRoute, RouteInput } from "./route";

function rows(group: Record<string, ApiRoute | Record<string, ApiRoute>>): ApiRoute[] {
  return Object.values(group).flatMap((entry) =>
    "method" in entry ? [entry as ApiRoute] : Object.values(entry as Record<string, ApiRoute>),
  );
}

export const API_ROUTES: readonly ApiRoute[] = [
  ...rows(PLATFORM_ROUTES),
  ...rows(ADMIN_ROUTES),
  ...rows(STORE_ROUTES),
  ...rows(STOREFRONT_ROUTES),
];
