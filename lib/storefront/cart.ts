// The cart: kept in an HttpOnly cookie scoped like the customer cookie, so a visitor fills it
// before signing in and still has it after. It holds product ids and quantities only; prices
// and stock are read from the catalog every time.
import "server-only";
import { z } from "zod";
import type { Product } from "@/db/schema";
import { config } from "@/lib/config";
import { UUID_PATTERN } from "@/lib/validation";
import { catalogProducts } from "./catalog";

export const CART_COOKIE = "cart";
const MAX_LINES = 50;
export const MAX_QUANTITY = 99;

const cartSchema = z
  .array(z.object({ p: z.string().regex(UUID_PATTERN), q: z.number().int().min(1).max(MAX_QUANTITY) }))
  .max(MAX_LINES);

export type CartLine = { productId: string; quantity: number };

export function readCart(value: string | undefined): CartLine[] {
  if (!value) return [];
  try {
    const parsed = cartSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.map((l) => ({ productId: l.p, quantity: l.q })) : [];
  } catch {
    return [];
  }
}

function writeCart(lines: CartLine[]): string {
  const compact = lines.slice(0, MAX_LINES).map((l) => ({ p: l.productId, q: l.quantity }));
  return Buffer.from(JSON.stringify(compact)).toString("base64url");
}

export function cartCookie(base: string, lines: CartLine[]) {
  return {
    name: CART_COOKIE,
    value: lines.length ? writeCart(lines) : "",
    path: base,
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config().isProduction,
    maxAge: lines.length ? 30 * 24 * 3600 : 0,
  };
}

export function setLine(lines: CartLine[], productId: string, quantity: number, add: boolean): CartLine[] {
  const existing = lines.find((l) => l.productId === productId);
  const next = Math.min(MAX_QUANTITY, Math.max(0, add ? (existing?.quantity ?? 0) + quantity : quantity));
  const others = lines.filter((l) => l.productId !== productId);
  return next > 0 ? [...others, { productId, quantity: next }] : others;
}

type PricedLine = { product: Product; quantity: number; lineCents: number };

/** The cart with current prices; lines whose product is gone or hidden drop out. */
export async function priceCart(storeId: string, lines: CartLine[]) {
  const found = await catalogProducts(
    storeId,
    lines.map((l) => l.productId),
  );
  const byId = new Map(found.map((p) => [p.id, p]));
  const priced: PricedLine[] = lines.flatMap((l) => {
    const product = byId.get(l.productId);
    return product ? [{ product, quantity: l.quantity, lineCents: product.priceCents * l.quantity }] : [];
  });
  const currency = priced[0]?.product.currency ?? "EUR";
  return { lines: priced, totalCents: priced.reduce((sum, l) => sum + l.lineCents, 0), currency };
}
