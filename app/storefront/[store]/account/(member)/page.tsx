import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/forms";
import { Toast } from "@/components/toast";
import { Badge, Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { countCustomerOrders, getCustomer } from "@/lib/storefront/account";
import { storefrontPage } from "@/lib/storefront/context";
import { resendVerificationAction } from "../../actions";

export const metadata: Metadata = { title: "Your account" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

export default async function AccountDashboard({ params, searchParams }: Props) {
  const [{ store: slug }, query] = await Promise.all([params, searchParams]);
  const me = await requirePagePrincipal("customer", slug);
  const { base } = await storefrontPage(slug);
  const [customer, orderCount] = await Promise.all([getCustomer(me.id), countCustomerOrders(me.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Hello, {customer.firstName}</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="Customer number">
          <p className="font-mono" data-testid="customer-number">
            {customer.customerNumber}
          </p>
        </Card>
        <Card title="Orders">
          <p className="text-3xl font-semibold" data-testid="order-count">
            {orderCount}
          </p>
        </Card>
        <Card title="Email">
          <p className="break-all">{customer.email}</p>
          {customer.emailVerifiedAt ? (
            <Badge tone="green">verified</Badge>
          ) : (
            <>
              <Badge tone="amber">not verified yet</Badge>
              <div className="mt-2">
                <ActionForm
                  action={resendVerificationAction.bind(null, slug)}
                  aria-label="Resend confirmation"
                >
                  <SubmitButton tone="plain">Send the confirmation link again</SubmitButton>
                </ActionForm>
              </div>
            </>
          )}
        </Card>
      </div>
      <Card title="Quick links">
        <ul className="flex flex-wrap gap-4 text-sm underline">
          <li>
            <Link href={`${base}/account/orders`}>Your orders</Link>
          </li>
          <li>
            <Link href={`${base}/account/addresses`}>Addresses</Link>
          </li>
          <li>
            <Link href={`${base}/account/wishlist`}>Wishlist</Link>
          </li>
          <li>
            <Link href={base}>Continue shopping</Link>
          </li>
        </ul>
      </Card>
      {query.welcome === "1" && <Toast message="Welcome! Your account is ready." />}
    </div>
  );
}
