import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { storeButton } from "@/components/storefront";
import { Table, money } from "@/components/ui";
import { CART_COOKIE, priceCart, readCart } from "@/lib/storefront/cart";
import { storefrontPage } from "@/lib/storefront/context";
import { setCartLineAction } from "../actions";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const { store, base } = await storefrontPage(slug);
  const cart = await priceCart(store.id, readCart((await cookies()).get(CART_COOKIE)?.value));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Your cart</h1>
      {cart.lines.length === 0 ? (
        <p>
          Your cart is empty.{" "}
          <Link href={base} className="underline">
            Find something you like
          </Link>
          .
        </p>
      ) : (
        <>
          <Table head={["Product", "Price", "Quantity", "Total"]}>
            {cart.lines.map((l) => (
              <tr key={l.product.id}>
                <td>
                  <Link href={`${base}/products/${l.product.id}`}>{l.product.name}</Link>
                </td>
                <td>{money(l.product.priceCents, l.product.currency)}</td>
                <td>
                  <form action={setCartLineAction.bind(null, slug)} className="flex items-center gap-2">
                    <input type="hidden" name="product_id" value={l.product.id} />
                    <input
                      type="number"
                      name="quantity"
                      min={0}
                      max={99}
                      defaultValue={l.quantity}
                      aria-label={`Quantity of ${l.product.name}`}
                      className="w-16 rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
                    />
                    <button type="submit" className="text-sm underline">
                      Update
                    </button>
                  </form>
                </td>
                <td>{money(l.lineCents, l.product.currency)}</td>
              </tr>
            ))}
          </Table>
          <div className="flex items-center justify-end gap-6">
            <p className="text-xl font-semibold" data-testid="cart-total">
              Total {money(cart.totalCents, cart.currency)}
            </p>
            <Link href={`${base}/checkout`} className={storeButton}>
              Checkout
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
