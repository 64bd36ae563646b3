import { storefrontHandler } from "@/lib/storefront/api";

// The storefront's router answers every method itself, 405 and OPTIONS included.
export {
  storefrontHandler as GET,
  storefrontHandler as HEAD,
  storefrontHandler as OPTIONS,
  storefrontHandler as POST,
  storefrontHandler as PUT,
  storefrontHandler as PATCH,
  storefrontHandler as DELETE,
};
