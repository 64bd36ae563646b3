import type { Metadata } from "next";
import Link from "next/link";
import { Badge, PageHeader, Pagination, SearchBox, Table } from "@/components/ui";
import { listStores } from "@/lib/admin/stores";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { PAGE_SIZE, listQuery, pageQuery } from "@/lib/validation";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Stores" };

export default async function StoresPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requirePagePrincipal("admin");
  const query = pageQuery(listQuery, await searchParams);
  const { items, total } = await listStores(query);
  return (
    <div>
      <PageHeader
        title="Stores"
        actions={
          <Link
            href="/admin/stores/new"
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            New store
          </Link>
        }
      />
      <SearchBox q={query.q} placeholder="Search stores" />
      <Table head={["Store", "Code", "Slug", "Team", "Status", "Created"]} empty={items.length === 0}>
        {items.map(({ store, members }) => (
          <tr key={store.id}>
            <td>
              <Link
                href={`/admin/stores/${store.id}`}
                className="font-medium text-indigo-600 dark:text-indigo-400"
              >
                {store.name}
              </Link>
            </td>
            <td className="font-mono text-xs">{store.code}</td>
            <td className="font-mono text-xs">{store.slug}</td>
            <td>{members}</td>
            <td>
              {store.status === "active" ? (
                <Badge tone="green">active</Badge>
              ) : (
                <Badge tone="red">suspended</Badge>
              )}
            </td>
            <td className="whitespace-nowrap">
              <LocalTime date={store.createdAt} dateOnly />
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} total={total} pageSize={PAGE_SIZE} base="/admin/stores" params={query} />
    </div>
  );
}
