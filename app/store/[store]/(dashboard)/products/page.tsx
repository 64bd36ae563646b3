import type { Metadata } from "next";
import Link from "next/link";
import { Badge, OutOfStockBadge, PageHeader, Pagination, SearchBox, Table, money } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { listProducts } from "@/lib/store/products";
import { PAGE_SIZE, listQuery, pageQuery } from "@/lib/validation";

export const metadata: Metadata = { title: "Products" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

export default async function ProductsPage({ params, searchParams }: Props) {
  const [{ store: slug }, raw] = await Promise.all([params, searchParams]);
  const member = await requireStorePagePermission(slug, "products.read");
  const query = pageQuery(listQuery, raw);
  const { items, total } = await listProducts(member.store.id, query);
  const base = `/store/${slug}/products`;
  const canWrite = member.permissions.includes("products.write");
  return (
    <div>
      <PageHeader
        title="Products"
        actions={
          canWrite && (
            <Link
              href={`${base}/new`}
              className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
            >
              New product
            </Link>
          )
        }
      />
      <SearchBox q={query.q} placeholder="Search products" />
      <Table head={["Name", "Price", "Stock", "Status"]} empty={items.length === 0}>
        {items.map((p) => (
          <tr key={p.id}>
            <td>
              <Link href={`${base}/${p.id}`} className="font-medium text-indigo-600 dark:text-indigo-400">
                {p.name}
              </Link>
            </td>
            <td>{money(p.priceCents, p.currency)}</td>
            <td>
              {p.stock} {p.stock === 0 && <OutOfStockBadge />}
            </td>
            <td>{p.isActive ? <Badge tone="green">active</Badge> : <Badge>hidden</Badge>}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} total={total} pageSize={PAGE_SIZE} base={base} params={query} />
    </div>
  );
}
