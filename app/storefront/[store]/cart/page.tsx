import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import Image from "next/image";
import { shopImage, storeButton } from "@/components/storefront";
import { Table, money } from "@/components/ui";
import { CART_COOKIE, MAX_QUANTITY, priceCart, readCart } from "@/lib/storefront/cart";
import { storefrontPage } from "@/lib/storefront/context";
import { primaryImages } from "@/lib/store/product-images";
import { setCartLineAction } from "../actions";

export const metadata: Metadata = { title: "Cart" };

const stepper =
  "h-8 w-8 rounded-md border border-slate-300 text-lg leading-none hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";

export default async function CartPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const { store, base } = await storefrontPage(slug);
  const cart = await priceCart(store.id, readCart((await cookies()).get(CART_COOKIE)?.value));
  const pictures = await primaryImages(
    store.id,
    cart.lines.map((l) => l.product.id),
  );
  const setLine = setCartLineAction.bind(null, slug);
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
            {cart.lines.map((l) => {
              const picture = pictures.get(l.product.id);
              const name = l.product.name;
              const most = Math.min(MAX_QUANTITY, l.product.stock);
              return (
                <tr key={l.product.id}>
                  <td>
                    <div className="flex items-center gap-3">
                      <div className="h-16 w-16 shrink-0 overflow-hidden rounded-md bg-slate-100 dark:bg-slate-800">
                        {picture && (
                          <Image
                            src={shopImage(base, picture).src}
                            alt=""
                            width={64}
                            height={64}
                            className="h-16 w-16 object-cover"
                          />
                        )}
                      </div>
                      <div className="space-y-1">
                        <Link href={`${base}/products/${l.product.id}`} className="font-medium">
                          {name}
                        </Link>
                        <form action={setLine}>
                          <input type="hidden" name="product_id" value={l.product.id} />
                          <button
                            type="submit"
                            name="quantity"
                            value={0}
                            aria-label={`Remove ${name}`}
                            className="text-sm text-red-700 underline dark:text-red-300"
                          >
                            Remove
                          </button>
                        </form>
                      </div>
                    </div>
                  </td>
                  <td>{money(l.product.priceCents, l.product.currency)}</td>
                  <td>
                    {/* −/+ post the new quantity: they work without JavaScript, like the field. */}
                    <div className="flex items-center gap-1">
                      <form action={setLine}>
                        <input type="hidden" name="product_id" value={l.product.id} />
                        <button
                          type="submit"
                          name="quantity"
                          value={l.quantity - 1}
                          aria-label={`One ${name} less`}
                          className={stepper}
                        >
                          −
                        </button>
                      </form>
                      <form action={setLine} className="flex items-center gap-1">
                        <input type="hidden" name="product_id" value={l.product.id} />
                        <input
                          type="number"
                          name="quantity"
                          min={0}
                          max={most}
                          defaultValue={l.quantity}
                          key={l.quantity}
                          aria-label={`Quantity of ${name}`}
                          className="w-14 rounded border border-slate-300 bg-white px-2 py-1 text-center text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
                        />
                        <button
                          type="submit"
                          className="sr-only focus:not-sr-only focus:text-sm focus:underline"
                        >
                          Update
                        </button>
                      </form>
                      <form action={setLine}>
                        <input type="hidden" name="product_id" value={l.product.id} />
                        <button
                          type="submit"
                          name="quantity"
                          value={l.quantity + 1}
                          disabled={l.quantity >= most}
                          aria-label={`One ${name} more`}
                          className={stepper}
                        >
                          +
                        </button>
                      </form>
                    </div>
                  </td>
                  <td>{money(l.lineCents, l.product.currency)}</td>
                </tr>
              );
            })}
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
