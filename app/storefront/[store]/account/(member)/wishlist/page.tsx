import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/forms";
import { Card, money } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { listWishlist } from "@/lib/storefront/account";
import { storefrontPage } from "@/lib/storefront/context";
import { wishlistAction } from "../../../actions";

export const metadata: Metadata = { title: "Wishlist" };

export default async function WishlistPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const { base } = await storefrontPage(slug);
  const items = await listWishlist(me.id);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Wishlist</h1>
      {items.length === 0 && <p className="text-slate-500">Nothing saved yet.</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        {items.map(({ product }) => (
          <Card key={product.id}>
            <Link href={`${base}/products/${product.id}`} className="font-semibold underline">
              {product.name}
            </Link>
            <p className="text-sm">{money(product.priceCents, product.currency)}</p>
            <div className="mt-3">
              <ActionForm action={wishlistAction.bind(null, slug, product.id, false)}>
                <SubmitButton tone="plain" of={product.name}>
                  Remove
                </SubmitButton>
              </ActionForm>
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
