import type { Metadata } from "next";
import { ProductCard, shopImage } from "@/components/storefront";
import { Pagination, SearchBox } from "@/components/ui";
import { CATALOG_PAGE_SIZE, listCatalog } from "@/lib/storefront/catalog";
import { storefrontPage } from "@/lib/storefront/context";
import { primaryImages } from "@/lib/store/product-images";
import { isValidSlug } from "@/lib/tenancy/slug";
import { listQuery, pageQuery } from "@/lib/validation";

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

/** The layout's title template reaches only the pages below it, so the shop's home names itself. */
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { store: slug } = await params;
  if (!isValidSlug(slug)) return { title: "Shop" };
  const { store } = await storefrontPage(slug);
  return { title: { absolute: `Shop · ${store.name}` } };
}

export default async function CatalogPage({ params, searchParams }: Props) {
  const [{ store: slug }, raw] = await Promise.all([params, searchParams]);
  const { store, base } = await storefrontPage(slug);
  const query = pageQuery(listQuery, raw);
  const { items, total } = await listCatalog(store.id, query);
  const pictures = await primaryImages(
    store.id,
    items.map((p) => p.id),
  );
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">
        {query.q ? `Results for “${query.q}”` : `Welcome to ${store.name}`}
      </h1>
      <SearchBox q={query.q} placeholder="Search the shop" />
      {items.length === 0 && <p className="text-slate-500">No products found.</p>}
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {items.map((p) => (
          <ProductCard
            key={p.id}
            href={`${base}/products/${p.id}`}
            name={p.name}
            priceCents={p.priceCents}
            currency={p.currency}
            image={pictures.has(p.id) ? shopImage(base, pictures.get(p.id)!) : null}
            imageUrl={p.imageUrl}
            inStock={p.stock > 0}
          />
        ))}
      </div>
      <Pagination page={query.page} total={total} pageSize={CATALOG_PAGE_SIZE} base={base} params={query} />
    </div>
  );
}
