import type { Metadata } from "next";
import Link from "next/link";
import { Badge, PageHeader, Pagination, SearchBox, Table } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { listCustomers } from "@/lib/store/customers";
import { PAGE_SIZE, listQuery, pageQuery } from "@/lib/validation";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Customers" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

export default async function CustomersPage({ params, searchParams }: Props) {
  const [{ store: slug }, raw] = await Promise.all([params, searchParams]);
  const member = await requireStorePagePermission(slug, "customers.read");
  const query = pageQuery(listQuery, raw);
  const { items, total } = await listCustomers(member.store.id, query);
  const base = `/store/${slug}/customers`;
  return (
    <div>
      <PageHeader title="Customers" description={`People with an account at ${member.store.name}.`} />
      <SearchBox q={query.q} placeholder="Search by name, email or number" />
      <Table head={["Number", "Name", "Email", "Orders", "Since", "Status"]} empty={items.length === 0}>
        {items.map((c) => (
          <tr key={c.id}>
            <td className="font-mono text-xs">{c.customerNumber}</td>
            <td>
              <Link href={`${base}/${c.id}`} className="font-medium text-indigo-600 dark:text-indigo-400">
                {c.firstName} {c.lastName}
              </Link>
            </td>
            <td>{c.email}</td>
            <td>{c.totalOrders}</td>
            <td className="whitespace-nowrap">
              <LocalTime date={c.createdAt} dateOnly />
            </td>
            <td>{c.isActive ? <Badge tone="green">active</Badge> : <Badge tone="red">deactivated</Badge>}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={query.page} total={total} pageSize={PAGE_SIZE} base={base} params={query} />
    </div>
  );
}
