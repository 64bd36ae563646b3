import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmButton } from "@/components/confirm-dialog";
import { Badge, Card, OrderStatusBadge, PageHeader, Table, money } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { orNotFound } from "@/lib/not-found";
import { getCustomer } from "@/lib/store/customers";
import { idParam } from "@/lib/validation";
import { deactivateCustomerAction } from "../../actions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ store: string; id: string }> }) {
  const { store: slug, id } = await params;
  const member = await requireStorePagePermission(slug, "customers.read");
  const { customer, recentOrders } = await orNotFound(() =>
    getCustomer(member.store.id, idParam(id, "customer")),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${customer.firstName} ${customer.lastName}`}
        description={customer.customerNumber}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd>
                {customer.email}{" "}
                {customer.emailVerifiedAt ? (
                  <Badge tone="green">verified</Badge>
                ) : (
                  <Badge tone="amber">unverified</Badge>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Phone</dt>
              <dd>{customer.phone ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Marketing</dt>
              <dd>{customer.marketingConsent ? "Agreed" : "No"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Customer since</dt>
              <dd>
                <LocalTime date={customer.createdAt} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                {customer.isActive ? (
                  <Badge tone="green">active</Badge>
                ) : (
                  <Badge tone="red">deactivated</Badge>
                )}
              </dd>
            </div>
          </dl>
          {customer.isActive && member.permissions.includes("customers.write") && (
            <div className="mt-4">
              <ConfirmButton
                action={deactivateCustomerAction.bind(null, slug, customer.id)}
                label="Deactivate customer"
                title={`Deactivate ${customer.firstName} ${customer.lastName}?`}
                description="They are signed out everywhere and can no longer sign in to the shop. Their orders stay."
                confirmLabel={`Deactivate ${customer.firstName} ${customer.lastName}`}
              />
            </div>
          )}
        </Card>
        <div className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Recent orders</h2>
          <Table head={["Order", "Total", "Status", "Placed"]} empty={recentOrders.length === 0}>
            {recentOrders.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link
                    href={`/store/${slug}/orders/${o.id}`}
                    className="text-indigo-600 dark:text-indigo-400"
                  >
                    {o.orderNumber}
                  </Link>
                </td>
                <td>{money(o.totalCents, o.currency)}</td>
                <td>
                  <OrderStatusBadge status={o.status} />
                </td>
                <td>
                  <LocalTime date={o.createdAt} />
                </td>
              </tr>
            ))}
          </Table>
        </div>
      </div>
    </div>
  );
}
