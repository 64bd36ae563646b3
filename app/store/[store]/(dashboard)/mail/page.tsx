import type { Metadata } from "next";
import { DeliveryTable } from "@/components/delivery-table";
import { PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { deliveryQuery, listStoreDeliveries } from "@/lib/mail/deliveries";
import { pageQuery } from "@/lib/validation";

export const metadata: Metadata = { title: "Mail" };

type Props = { params: Promise<{ store: string }>; searchParams: Promise<Record<string, string>> };

/** The mail sent in the store's name and how its delivery goes: statuses only, no bodies, no errors. */
export default async function StoreMailPage({ params, searchParams }: Props) {
  const [{ store: slug }, raw] = await Promise.all([params, searchParams]);
  const owner = await requireStorePagePermission(slug, "mail.read");
  const query = pageQuery(deliveryQuery, raw);
  const { rows, total } = await listStoreDeliveries(owner.store.id, query);
  return (
    <div>
      <PageHeader
        title="Mail"
        description={`Verification, password-reset, invitation and account mail sent in the name of ${owner.store.name}. A mail the mail server refuses is tried again for about a day; the platform's admins can send a failed one again.`}
      />
      <DeliveryTable rows={rows} total={total} query={query} base={`/store/${slug}/mail`} />
    </div>
  );
}
