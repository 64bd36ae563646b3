/** The path the request layer saw for a page request, for building `?next=`. */
export const REQUEST_PATH_HEADER = "x-orion-path";

/** How a storefront page was reached (domain, subdomain or path), set by the request layer. */
export const STORE_METHOD_HEADER = "x-orion-store-method";
