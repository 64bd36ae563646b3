// The address the original design notes give the account's home: it leads to the account's
// overview, in the form (domain, subdomain or path) the shopper came by.
import { redirect } from "next/navigation";
import { storefrontPage } from "@/lib/storefront/context";

export default async function AccountDashboardPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const { base } = await storefrontPage(slug);
  redirect(`${base}/account`);
}
