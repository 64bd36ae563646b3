import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { getCustomer } from "@/lib/storefront/account";
import { profileAction } from "../../../actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const customer = await getCustomer(me.id);
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">Profile</h1>
      <Card>
        <ActionForm action={profileAction.bind(null, slug)} aria-label="Profile">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="first_name" label="First name" required defaultValue={customer.firstName} />
            <Field name="last_name" label="Last name" required defaultValue={customer.lastName} />
          </div>
          <Field name="phone" label="Phone" type="tel" defaultValue={customer.phone} />
          <p className="text-sm text-slate-500">Email: {customer.email}</p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="marketing_consent" defaultChecked={customer.marketingConsent} /> Send
            me news and offers
          </label>
          <SubmitButton>Save profile</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
