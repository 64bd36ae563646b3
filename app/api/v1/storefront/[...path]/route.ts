import { storefrontHandler } from "@/lib/storefront/api";

export const GET = storefrontHandler;
export const POST = storefrontHandler;
export const PATCH = storefrontHandler;
export const DELETE = storefrontHandler;
