import type { Metadata } from "next";
import Link from "next/link";
import { AddToCartForm } from "@/components/add-to-cart";
import { ActionForm, SubmitButton } from "@/components/forms";
import { ProductGallery } from "@/components/product-gallery";
import { shopImage } from "@/components/storefront";
import { OutOfStockBadge, money } from "@/components/ui";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/not-found";
import { catalogProduct } from "@/lib/storefront/catalog";
import { storefrontPage } from "@/lib/storefront/context";
import { listProductImages } from "@/lib/store/product-images";
import { idParam } from "@/lib/validation";
import { addToCartAction, wishlistAction } from "../../actions";

type Props = { params: Promise<{ store: string; id: string }> };

/** The product's name, then the store's (from the layout's template). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { store: slug, id } = await params;
  const { store } = await storefrontPage(slug);
  try {
    return { title: (await catalogProduct(store.id, idParam(id, "product"))).name };
  } catch {
    return { title: "Product" };
  }
}

export default async function ProductPage({ params }: { params: Promise<{ store: string; id: string }> }) {
  const { store: slug, id } = await params;
  const { store, base } = await storefrontPage(slug);
  const product = await orNotFound(() => catalogProduct(store.id, idParam(id, "product")));
  const [me, stored] = await Promise.all([
    currentPagePrincipal("customer", slug),
    listProductImages(store.id, product.id),
  ]);
  // The main picture first, then the others in the store's order.
  const images = [...stored.filter((i) => i.isPrimary), ...stored.filter((i) => !i.isPrimary)].map((i) =>
    shopImage(base, i),
  );
  return (
    <div className="grid gap-8 md:grid-cols-2">
      {images.length > 0 ? (
        <ProductGallery images={images} name={product.name} />
      ) : (
        <div className="flex aspect-square items-center justify-center rounded-xl bg-slate-100 text-6xl text-slate-400 dark:bg-slate-800">
          {product.imageUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={product.imageUrl} alt="" className="h-full w-full rounded-xl object-cover" />
          ) : (
            <span aria-hidden>◇</span>
          )}
        </div>
      )}
      <div className="space-y-4">
        <Link href={base} className="shop-link text-sm">
          ← Back to the shop
        </Link>
        <h1 className="text-3xl font-bold">{product.name}</h1>
        <p className="text-2xl">{money(product.priceCents, product.currency)}</p>
        <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{product.description}</p>
        <p>
          {product.stock > 0 ? (
            <span className="shop-badge inline-block rounded-full px-2.5 py-0.5 text-sm font-medium">
              {product.stock} in stock
            </span>
          ) : (
            <OutOfStockBadge />
          )}
        </p>
        {product.stock > 0 && (
          <AddToCartForm
            action={addToCartAction.bind(null, slug)}
            productId={product.id}
            max={Math.min(99, product.stock)}
            base={base}
          />
        )}
        {me && (
          <ActionForm action={wishlistAction.bind(null, slug, product.id, true)}>
            <SubmitButton tone="plain">♡ Save to wishlist</SubmitButton>
          </ActionForm>
        )}
      </div>
    </div>
  );
}
