import type { Metadata } from "next";
import { OrderLines } from "@/components/order-lines";
import { Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/not-found";
import { customerOrder } from "@/lib/storefront/account";
import { idParam } from "@/lib/validation";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Order" };

type Props = {
  params: Promise<{ store: string; id: string }>;
  searchParams: Promise<Record<string, string>>;
};

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ store: slug, id }, query] = await Promise.all([params, searchParams]);
  const me = await requirePagePrincipal("customer", slug);
  const { order, items } = await orNotFound(() => customerOrder(me.id, idParam(id, "order")));
  return (
    <div className="space-y-6">
      {query.placed === "1" && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-4 py-3 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Thank you! Your order {order.orderNumber} is placed and waits for payment.
        </p>
      )}
      <h1 className="text-2xl font-bold">Order {order.orderNumber}</h1>
      <p className="text-slate-600 dark:text-slate-400">
        Placed <LocalTime date={order.createdAt} /> · {order.status.replace("_", " ")}
      </p>
      <OrderLines items={items} currency={order.currency} totalCents={order.totalCents} />
      {order.shippingAddress && (
        <Card title="Shipping to">
          <address className="not-italic">
            {order.shippingAddress.name}
            <br />
            {order.shippingAddress.line1}
            {order.shippingAddress.line2 && <>, {order.shippingAddress.line2}</>}
            <br />
            {order.shippingAddress.postalCode} {order.shippingAddress.city}, {order.shippingAddress.country}
          </address>
        </Card>
      )}
    </div>
  );
}
