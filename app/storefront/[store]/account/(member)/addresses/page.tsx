import type { Metadata } from "next";
import { ConfirmButton } from "@/components/confirm-dialog";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Badge, Card } from "@/components/ui";
import type { Address } from "@/db/schema";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { listAddresses } from "@/lib/storefront/account";
import { deleteAddressAction, saveAddressAction } from "../../../actions";

export const metadata: Metadata = { title: "Addresses" };

function AddressFields({ address }: { address?: Address }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Full name" required defaultValue={address?.name} />
        <Field name="phone" label="Phone (optional)" type="tel" defaultValue={address?.phone} />
        <Field name="line1" label="Street and number" required defaultValue={address?.line1} />
        <Field name="line2" label="Apartment, floor (optional)" defaultValue={address?.line2} />
        <Field name="postal_code" label="Postal code" required defaultValue={address?.postalCode} />
        <Field name="city" label="City" required defaultValue={address?.city} />
        <Field
          name="country"
          label="Country code"
          required
          maxLength={2}
          placeholder="LU"
          defaultValue={address?.country}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="is_default_shipping" defaultChecked={address?.isDefaultShipping} />{" "}
        Default shipping address
      </label>
    </>
  );
}

export default async function AddressesPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const me = await requirePagePrincipal("customer", slug);
  const addresses = await listAddresses(me.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Addresses</h1>
      {addresses.map((a) => (
        <Card key={a.id} title={`${a.name}, ${a.city}`}>
          {a.isDefaultShipping && (
            <p className="mb-3">
              <Badge tone="green">default shipping</Badge>
            </p>
          )}
          <ActionForm
            action={saveAddressAction.bind(null, slug, a.id)}
            aria-label={`Address ${a.name}`}
            idPrefix={`address-${a.id}-`}
          >
            <AddressFields address={a} />
            <SubmitButton of={`${a.name}, ${a.city}`}>Save address</SubmitButton>
          </ActionForm>
          <div className="mt-3">
            <ConfirmButton
              action={deleteAddressAction.bind(null, slug, a.id)}
              label="Delete"
              name={`Delete address ${a.name}, ${a.city}`}
              title="Delete this address?"
              description={`${a.name}, ${a.line1}, ${a.postalCode} ${a.city} is removed from your account. Orders already placed keep their address.`}
              confirmLabel={`Delete ${a.name}, ${a.city}`}
            />
          </div>
        </Card>
      ))}
      <Card title="Add an address">
        <ActionForm
          action={saveAddressAction.bind(null, slug, null)}
          aria-label="New address"
          idPrefix="new-address-"
        >
          <AddressFields />
          <SubmitButton>Add address</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
