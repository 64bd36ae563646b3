import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { ThemeEditor } from "@/components/theme-editor";
import { Badge, Card, PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { config } from "@/lib/config";
import { FONTS, listDomains } from "@/lib/store/settings";
import { addDomainAction, removeDomainAction, settingsAction } from "../actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requireStorePagePermission(slug, "settings.manage");
  const domains = await listDomains(member.store.id);
  const { store } = member;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Settings"
        description={`Store code ${store.code} · address ${slug}.${config().platformDomain}`}
      />
      <Card title="Store and theme">
        <ActionForm action={settingsAction.bind(null, slug)} aria-label="Store settings">
          <Field name="name" label="Store name" required defaultValue={store.name} />
          <ThemeEditor theme={store.theme} fonts={FONTS} storeName={store.name} />
          <SubmitButton>Save settings</SubmitButton>
        </ActionForm>
      </Card>
      <Card title="Custom domains">
        <ul className="mb-4 space-y-2">
          {domains.length === 0 && <li className="text-sm text-slate-500">No custom domain yet.</li>}
          {domains.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3">
              <span className="font-mono">{d.domain}</span>
              {d.isVerified ? (
                <Badge tone="green">verified</Badge>
              ) : (
                <Badge tone="amber">waiting for verification</Badge>
              )}
              <ActionForm action={removeDomainAction.bind(null, slug, d.id)}>
                <SubmitButton tone="plain">Remove</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm
          action={addDomainAction.bind(null, slug)}
          aria-label="Add domain"
          className="flex flex-wrap items-end gap-2"
        >
          <Field name="domain" label="Add a domain" placeholder="shop.example.com" required />
          <SubmitButton>Add domain</SubmitButton>
        </ActionForm>
        <p className="mt-3 text-xs text-slate-500">
          Point the domain at the platform; it serves your shop once the platform has verified it.
        </p>
      </Card>
    </div>
  );
}
