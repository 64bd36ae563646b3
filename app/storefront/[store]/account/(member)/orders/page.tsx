import type { Metadata } from "next";
import Link from "next/link";
import { OrderStatusBadge, Table, money } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { listCustomerOrders } from "@/lib/storefront/account";
import { storefrontPage } from "@/lib/storefront/context";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const { base } = await storefrontPage(slug);
  const orders = await listCustomerOrders(me.id);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Your orders</h1>
      <Table head={["Order", "Placed", "Status", "Total"]} empty={orders.length === 0}>
        {orders.map((o) => (
          <tr key={o.id}>
            <td>
              <Link href={`${base}/account/orders/${o.id}`} className="underline">
                {o.orderNumber}
              </Link>
            </td>
            <td className="whitespace-nowrap">
              <LocalTime date={o.createdAt} />
            </td>
            <td>
              <OrderStatusBadge status={o.status} />
            </td>
            <td>{money(o.totalCents, o.currency)}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
