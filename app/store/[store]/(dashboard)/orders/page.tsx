import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { OrderStatusBadge, PageHeader, Pagination, Table, money } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { ORDER_STATUSES, listOrders } from "@/lib/store/orders";
import { PAGE_SIZE, pageField } from "@/lib/validation";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Orders" };

const query = z.object({ page: pageField, status: z.enum(ORDER_STATUSES).optional().catch(undefined) });

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

export default async function OrdersPage({ params, searchParams }: Props) {
  const [{ store: slug }, raw] = await Promise.all([params, searchParams]);
  const member = await requireStorePagePermission(slug, "orders.read");
  const q = query.parse(raw);
  const { items, total } = await listOrders(member.store.id, q);
  const base = `/store/${slug}/orders`;
  return (
    <div>
      <PageHeader title="Orders" />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href={base}
          aria-current={!q.status ? "page" : undefined}
          className={!q.status ? "font-semibold underline" : ""}
        >
          All
        </Link>
        {ORDER_STATUSES.map((s) => (
          <Link
            key={s}
            href={`${base}?status=${s}`}
            aria-current={q.status === s ? "page" : undefined}
            className={q.status === s ? "font-semibold underline" : ""}
          >
            {s.replace("_", " ")}
          </Link>
        ))}
      </nav>
      <Table head={["Order", "Customer", "Total", "Status", "Placed"]} empty={items.length === 0}>
        {items.map((o) => (
          <tr key={o.id}>
            <td>
              <Link href={`${base}/${o.id}`} className="font-medium text-indigo-600 dark:text-indigo-400">
                {o.orderNumber}
              </Link>
            </td>
            <td>{o.customerName ?? "—"}</td>
            <td>{money(o.totalCents, o.currency)}</td>
            <td>
              <OrderStatusBadge status={o.status} />
            </td>
            <td className="whitespace-nowrap">
              <LocalTime date={o.createdAt} />
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={q.page} total={total} pageSize={PAGE_SIZE} base={base} params={q} />
    </div>
  );
}
