import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton, inputClass } from "@/components/forms";
import { OrderLines } from "@/components/order-lines";
import { Card, OrderStatusBadge, PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/not-found";
import { NEXT_STATUSES, getOrder } from "@/lib/store/orders";
import { idParam } from "@/lib/validation";
import { orderStatusAction } from "../../actions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ store: string; id: string }> }) {
  const { store: slug, id } = await params;
  const member = await requireStorePagePermission(slug, "orders.read");
  const { order, customer, items } = await orNotFound(() => getOrder(member.store.id, idParam(id, "order")));
  const next = NEXT_STATUSES[order.status];
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Order ${order.orderNumber}`}
        description={
          <>
            Placed <LocalTime date={order.createdAt} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <OrderLines items={items} currency={order.currency} totalCents={order.totalCents} />
        </div>
        <div className="space-y-6">
          <Card title="Status">
            <p className="mb-3">
              <OrderStatusBadge status={order.status} />
            </p>
            {member.permissions.includes("orders.write") && next.length > 0 && (
              <ActionForm action={orderStatusAction.bind(null, slug, order.id)} className="flex gap-2">
                <select name="status" aria-label="New status" className={inputClass}>
                  {next.map((s) => (
                    <option key={s} value={s}>
                      {s.replace("_", " ")}
                    </option>
                  ))}
                </select>
                <SubmitButton>Update</SubmitButton>
              </ActionForm>
            )}
          </Card>
          <Card title="Customer">
            {customer ? (
              <p>
                <Link
                  href={`/store/${slug}/customers/${customer.id}`}
                  className="text-indigo-600 dark:text-indigo-400"
                >
                  {customer.firstName} {customer.lastName}
                </Link>
                <br />
                <span className="text-sm text-slate-500">{customer.email}</span>
              </p>
            ) : (
              <p className="text-slate-500">No longer on file</p>
            )}
            {order.shippingAddress && (
              <address className="mt-3 text-sm not-italic text-slate-600 dark:text-slate-400">
                {order.shippingAddress.name}
                <br />
                {order.shippingAddress.line1}
                <br />
                {order.shippingAddress.postalCode} {order.shippingAddress.city},{" "}
                {order.shippingAddress.country}
              </address>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
