import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card, money } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { listAddresses } from "@/lib/storefront/account";
import { CART_COOKIE, priceCart, readCart } from "@/lib/storefront/cart";
import { storefrontPage } from "@/lib/storefront/context";
import { checkoutAction } from "../actions";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const { store, base } = await storefrontPage(slug);
  const [cart, saved] = await Promise.all([
    priceCart(store.id, readCart((await cookies()).get(CART_COOKIE)?.value)),
    listAddresses(me.id),
  ]);
  if (cart.lines.length === 0) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">Checkout</h1>
        <p>
          Your cart is empty.{" "}
          <Link href={base} className="underline">
            Back to the shop
          </Link>
          .
        </p>
      </>
    );
  }
  const preferred = saved.find((a) => a.isDefaultShipping) ?? saved[0];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Checkout</h1>
      <div className="grid gap-6 md:grid-cols-[1fr_20rem]">
        {/* First in the page, so a phone shows what is bought and its total before the address
          form and "Place order"; beside the form, on the right, from `md` up. */}
        <div className="md:col-start-2 md:row-start-1">
          <Card title="Summary">
            <ul className="space-y-1 text-sm">
              {cart.lines.map((l) => (
                <li key={l.product.id} className="flex justify-between gap-2">
                  <span>
                    {l.quantity} × {l.product.name}
                  </span>
                  <span>{money(l.lineCents, l.product.currency)}</span>
                </li>
              ))}
            </ul>
            <p className="mt-3 border-t border-slate-200 pt-3 font-semibold dark:border-slate-800">
              Total {money(cart.totalCents, cart.currency)}
            </p>
          </Card>
        </div>
        <div className="md:col-start-1 md:row-start-1">
          <Card title="Shipping address">
            <ActionForm action={checkoutAction.bind(null, slug)} aria-label="Checkout">
              {saved.length > 0 && (
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">Saved addresses</legend>
                  {saved.map((a) => (
                    <label key={a.id} className="flex items-start gap-2 text-sm">
                      <input
                        type="radio"
                        name="address_id"
                        value={a.id}
                        defaultChecked={a.id === preferred?.id}
                      />
                      <span>
                        {a.name}, {a.line1}, {a.postalCode} {a.city}, {a.country}
                      </span>
                    </label>
                  ))}
                  <label className="flex items-center gap-2 text-sm">
                    <input type="radio" name="address_id" value="" /> A new address:
                  </label>
                </fieldset>
              )}
              <div className="grid gap-4 sm:grid-cols-2">
                <Field name="name" label="Full name" defaultValue={`${me.firstName} ${me.lastName}`} />
                <Field name="line1" label="Street and number" />
                <Field name="line2" label="Apartment, floor (optional)" />
                <Field name="postal_code" label="Postal code" />
                <Field name="city" label="City" />
                <Field name="country" label="Country code" placeholder="LU" maxLength={2} />
              </div>
              <p className="text-sm text-slate-500">No payment is taken now: the order waits for payment.</p>
              <SubmitButton>Place order</SubmitButton>
            </ActionForm>
          </Card>
        </div>
      </div>
    </>
  );
}
