// A customer's own account: profile, password, addresses, wishlist and orders. Every query is
// scoped to the signed-in customer (and so to the store).
import "server-only";
import { and, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import {
  type Address,
  type OrderAddress,
  addresses,
  customers,
  orderItems,
  orders,
  products,
  sessions,
  stores,
  wishlistItems,
} from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError } from "@/lib/http/errors";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { isOwnPassword } from "@/lib/auth/own-password";
import { AREAS } from "@/lib/auth/areas";
import { hashPassword, newPasswordSchema } from "@/lib/auth/passwords";
import { endResetLinks } from "@/lib/auth/reset";
import type { RequestContext } from "@/lib/http";
import { booleanField, patchSchema, textField } from "@/lib/validation";
import { phoneField } from "./auth";
import { type CartLine, MAX_QUANTITY } from "./cart";

export const profileSchema = z.object({
  first_name: textField({ required: "First name is required" })
    .min(1, { message: "First name is required" })
    .max(100),
  last_name: textField({ required: "Last name is required" })
    .min(1, { message: "Last name is required" })
    .max(100),
  phone: z.union([phoneField, z.literal("").transform(() => null), z.null()]).optional(),
  marketing_consent: booleanField.optional(),
});

/** `PATCH account`: the fields sent, at least one. */
export const profilePatchSchema = patchSchema(profileSchema.shape);

export const NO_PASSWORD_YET =
  "Your account has no password yet: you sign in with a provider. Set a password under Sign-in methods.";

export const passwordChangeSchema = z.object({
  current_password: z.string().min(1, { message: "Enter your current password" }),
  new_password: newPasswordSchema(AREAS.customer.minPasswordChars),
});

export const addressSchema = z.object({
  // One line each: the address is printed line by line on labels and in mail.
  name: textField({ required: "Name is required" }).min(1, { message: "Name is required" }).max(100),
  line1: textField({ required: "Street and number are required" })
    .min(1, { message: "Street and number are required" })
    .max(200),
  line2: z
    .union([textField().max(200), z.null()])
    .optional()
    .transform((v) => v || null),
  postal_code: textField({ required: "Postal code is required" })
    .min(2, { message: "Postal code is required" })
    .max(16),
  city: textField({ required: "City is required" }).min(1, { message: "City is required" }).max(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: "Use a two-letter country code like LU" }),
  phone: z.union([phoneField, z.literal("").transform(() => null), z.null()]).optional(),
  is_default_shipping: booleanField.default(false),
});

export type AddressInput = z.infer<typeof addressSchema>;

export function addressView(a: Address) {
  return {
    id: a.id,
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    postal_code: a.postalCode,
    city: a.city,
    country: a.country,
    phone: a.phone,
    is_default_shipping: a.isDefaultShipping,
  };
}

export async function getCustomer(customerId: string) {
  const [customer] = await db().select().from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new ApiError("NOT_FOUND", { message: "No such customer" });
  return customer;
}

export async function updateProfile(customerId: string, input: z.infer<typeof profilePatchSchema>) {
  const [customer] = await db()
    .update(customers)
    .set({
      firstName: input.first_name,
      lastName: input.last_name,
      phone: input.phone,
      marketingConsent: input.marketing_consent,
    })
    .where(eq(customers.id, customerId))
    .returning();
  return customer!;
}

/**
 * Checks the new password's strength and the current password (a guess that counts on the
 * account's lock), stores the new one, ends every other session of the customer, spends any
 * reset link mailed before, and records it (which tells the customer by mail).
 */
export async function changeCustomerPassword(
  customerId: string,
  sessionId: string,
  input: z.infer<typeof passwordChangeSchema>,
  ctx: RequestContext,
): Promise<boolean> {
  const customer = await getCustomer(customerId);
  // Signed up with a provider: there is no current password to give (its hash is random).
  if (!customer.hasPassword) throw new ApiError("CONFLICT", { message: NO_PASSWORD_YET });
  const [store] = await db()
    .select({ name: stores.name, slug: stores.slug, code: stores.code })
    .from(stores)
    .where(eq(stores.id, customer.storeId));
  assertStrongPassword(
    input.new_password,
    [customer.email, customer.firstName, customer.lastName, store?.name, store?.slug, store?.code],
    "new_password",
  );
  const check = {
    account: { customerId },
    passwordHash: customer.passwordHash,
    area: "customer" as const,
    storeId: customer.storeId,
    sessionId,
  };
  if (!(await isOwnPassword(check, input.current_password, ctx))) return false;
  const passwordHash = await hashPassword(input.new_password);
  await db().transaction(async (tx) => {
    await tx.update(customers).set({ passwordHash }).where(eq(customers.id, customerId));
    await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: "password_changed" })
      .where(
        and(eq(sessions.customerId, customerId), ne(sessions.id, sessionId), isNull(sessions.revokedAt)),
      );
    await endResetLinks(tx, { customerId });
  });
  await recordAuthEvent(
    "password_changed",
    { area: "customer", storeId: customer.storeId, customerId, sessionId },
    ctx,
  );
  return true;
}

export function listAddresses(customerId: string) {
  return db()
    .select()
    .from(addresses)
    .where(eq(addresses.customerId, customerId))
    .orderBy(desc(addresses.isDefaultShipping), desc(addresses.createdAt));
}

function addressColumns(input: Partial<AddressInput>) {
  return {
    name: input.name,
    line1: input.line1,
    line2: input.line2,
    postalCode: input.postal_code,
    city: input.city,
    country: input.country,
    phone: input.phone,
    isDefaultShipping: input.is_default_shipping,
  };
}

/** Saves an address; making it the default shipping address unmarks the previous one. */
export async function saveAddress(
  customerId: string,
  id: string | null,
  input: AddressInput,
): Promise<Address> {
  return db().transaction(async (tx) => {
    if (input.is_default_shipping) {
      await tx
        .update(addresses)
        .set({ isDefaultShipping: false })
        .where(eq(addresses.customerId, customerId));
    }
    if (!id) {
      const [row] = await tx
        .insert(addresses)
        .values({
          ...addressColumns(input),
          customerId,
          name: input.name,
          line1: input.line1,
          postalCode: input.postal_code,
          city: input.city,
          country: input.country,
        })
        .returning();
      return row!;
    }
    const [row] = await tx
      .update(addresses)
      .set(addressColumns(input))
      .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)))
      .returning();
    if (!row) throw new ApiError("NOT_FOUND", { message: "No such address" });
    return row;
  });
}

export async function deleteAddress(customerId: string, id: string): Promise<void> {
  const removed = await db()
    .delete(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)))
    .returning({ id: addresses.id });
  if (removed.length === 0) throw new ApiError("NOT_FOUND", { message: "No such address" });
}

export async function listWishlist(customerId: string) {
  return db()
    .select({ product: products, addedAt: wishlistItems.createdAt })
    .from(wishlistItems)
    .innerJoin(products, eq(products.id, wishlistItems.productId))
    .where(and(eq(wishlistItems.customerId, customerId), isNull(products.archivedAt)))
    .orderBy(desc(wishlistItems.createdAt));
}

export async function addToWishlist(customerId: string, storeId: string, productId: string): Promise<void> {
  const [product] = await db()
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.storeId, storeId), isNull(products.archivedAt)));
  if (!product) throw new ApiError("NOT_FOUND", { message: "No such product" });
  await db().insert(wishlistItems).values({ customerId, productId }).onConflictDoNothing();
}

export async function removeFromWishlist(customerId: string, productId: string): Promise<void> {
  await db()
    .delete(wishlistItems)
    .where(and(eq(wishlistItems.customerId, customerId), eq(wishlistItems.productId, productId)));
}

export async function listCustomerOrders(customerId: string) {
  return db().select().from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.createdAt));
}

export async function countCustomerOrders(customerId: string): Promise<number> {
  const [row] = await db().select({ n: count() }).from(orders).where(eq(orders.customerId, customerId));
  return row?.n ?? 0;
}

export async function customerOrder(customerId: string, id: string) {
  const [order] = await db()
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.customerId, customerId)));
  if (!order) throw new ApiError("NOT_FOUND", { message: "No such order" });
  const items = await db().select().from(orderItems).where(eq(orderItems.orderId, id));
  return { order, items };
}

export const checkoutSchema = z.object({
  items: z
    .array(
      z.object({
        product_id: z.string().uuid({ message: "Not a valid product id" }),
        quantity: z.number().int().min(1).max(99),
      }),
    )
    .min(1, { message: "The cart is empty" })
    .max(50),
  address_id: z.string().uuid().optional(),
  shipping_address: addressSchema.omit({ is_default_shipping: true, phone: true }).optional(),
});

/**
 * One line per product, quantities added up: the stock check below must see the whole
 * quantity of a product, which two lines of it would each understate.
 */
function mergeLines(lines: CartLine[]): CartLine[] {
  const byProduct = new Map<string, number>();
  for (const line of lines)
    byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  const merged = [...byProduct].map(([productId, quantity]) => ({ productId, quantity }));
  if (merged.some((line) => line.quantity > MAX_QUANTITY)) {
    throw new ApiError("VALIDATION_ERROR", {
      details: [{ field: "items", message: `At most ${MAX_QUANTITY} of one product per order` }],
    });
  }
  return merged;
}

/**
 * Places an order from cart lines (two lines of one product count as one): prices and stock
 * are read under lock, stock is taken, and the order is "pending payment" (no payment provider
 * yet).
 */
export async function placeOrder(
  customer: { id: string; storeId: string; storeCode: string },
  lines: CartLine[],
  address: { id?: string; value?: Omit<AddressInput, "is_default_shipping" | "phone"> },
) {
  if (lines.length === 0) throw new ApiError("BAD_REQUEST", { message: "The cart is empty" });
  const merged = mergeLines(lines);
  return db().transaction(async (tx) => {
    let shipping: OrderAddress;
    if (address.id) {
      const [saved] = await tx
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, address.id), eq(addresses.customerId, customer.id)));
      if (!saved) throw new ApiError("NOT_FOUND", { message: "No such address" });
      shipping = {
        name: saved.name,
        line1: saved.line1,
        line2: saved.line2 ?? undefined,
        postalCode: saved.postalCode,
        city: saved.city,
        country: saved.country,
      };
    } else if (address.value) {
      const v = address.value;
      shipping = {
        name: v.name,
        line1: v.line1,
        line2: v.line2 ?? undefined,
        postalCode: v.postal_code,
        city: v.city,
        country: v.country,
      };
    } else {
      throw new ApiError("VALIDATION_ERROR", {
        details: [{ field: "shipping_address", message: "Choose or enter a shipping address" }],
      });
    }
    const ids = merged.map((l) => l.productId);
    const found = await tx
      .select()
      .from(products)
      .where(
        and(
          eq(products.storeId, customer.storeId),
          inArray(products.id, ids),
          eq(products.isActive, true),
          isNull(products.archivedAt),
        ),
      )
      .for("update");
    const byId = new Map(found.map((p) => [p.id, p]));
    const currencies = new Set(found.map((p) => p.currency));
    if (currencies.size > 1)
      throw new ApiError("CONFLICT", { message: "Products in different currencies cannot share an order" });
    for (const line of merged) {
      const product = byId.get(line.productId);
      if (!product)
        throw new ApiError("CONFLICT", { message: "A product in the cart is no longer available" });
      if (product.stock < line.quantity) {
        throw new ApiError("CONFLICT", { message: `Only ${product.stock} left of ${product.name}` });
      }
    }
    for (const line of merged) {
      await tx
        .update(products)
        .set({ stock: sql`${products.stock} - ${line.quantity}` })
        .where(eq(products.id, line.productId));
    }
    const [counter] = await tx
      .update(stores)
      .set({ lastOrderNumber: sql`${stores.lastOrderNumber} + 1` })
      .where(eq(stores.id, customer.storeId))
      .returning({ n: stores.lastOrderNumber });
    const total = merged.reduce((sum, l) => sum + byId.get(l.productId)!.priceCents * l.quantity, 0);
    const [order] = await tx
      .insert(orders)
      .values({
        storeId: customer.storeId,
        customerId: customer.id,
        orderNumber: `${customer.storeCode}-${String(counter!.n).padStart(6, "0")}`,
        status: "pending_payment",
        currency: [...currencies][0] ?? "EUR",
        totalCents: total,
        shippingAddress: shipping,
      })
      .returning();
    await tx.insert(orderItems).values(
      merged.map((l) => ({
        orderId: order!.id,
        productId: l.productId,
        productName: byId.get(l.productId)!.name,
        unitPriceCents: byId.get(l.productId)!.priceCents,
        quantity: l.quantity,
      })),
    );
    await tx
      .update(customers)
      .set({ totalOrders: sql`${customers.totalOrders} + 1` })
      .where(eq(customers.id, customer.id));
    return order!;
  });
}
