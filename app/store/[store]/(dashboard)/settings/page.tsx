import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { ThemeEditor } from "@/components/theme-editor";
import { Badge, Card, PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { config } from "@/lib/config";
import { LogoForm } from "@/components/logo-form";
import { FONTS } from "@/lib/store/fonts";
import { logoPath } from "@/lib/store/logo";
import { listDomains } from "@/lib/store/settings";
import { storefrontBase } from "@/lib/tenancy/resolve";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { storeProviderSettings } from "@/lib/auth/social/providers";
import {
  addDomainAction,
  removeDomainAction,
  removeLogoAction,
  settingsAction,
  uploadLogoAction,
} from "../actions";
import { ownClientAction, providerSwitchAction, removeOwnClientAction } from "./sign-in-actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const member = await requireStorePagePermission(slug, "settings.manage");
  const domains = await listDomains(member.store.id);
  const { store } = member;
  const signIn = await storeProviderSettings(store);
  const isOwner = member.storeRole === "owner";
  const logoId = (await storeBySlug(slug))?.logoImageId ?? null;
  const logoSrc = logoId ? logoPath(`/store/${slug}`, logoId, 320) : null;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Settings"
        description={`Store code ${store.code} · address ${slug}.${config().platformDomain}`}
      />
      <Card title="Store and theme">
        <ActionForm action={settingsAction.bind(null, slug)} aria-label="Store settings">
          <Field name="name" label="Store name" required defaultValue={store.name} />
          <ThemeEditor
            theme={store.theme}
            fonts={FONTS}
            storeName={store.name}
            shopBase={storefrontBase("path", slug)}
            logoSrc={logoSrc}
          />
          <SubmitButton>Save settings</SubmitButton>
        </ActionForm>
      </Card>
      <Card title="Logo">
        <LogoForm
          logoSrc={logoSrc}
          upload={uploadLogoAction.bind(null, slug)}
          remove={removeLogoAction.bind(null, slug)}
        />
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
                <SubmitButton tone="plain" of={d.domain}>
                  Remove
                </SubmitButton>
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
      <Card title="Sign-in methods">
        <p className="mb-3 text-sm text-slate-500">
          Shoppers can sign in with these providers besides their password.
          {!isOwner && " Only the store's owner changes them."}
        </p>
        <ul className="mb-4 space-y-3">
          {signIn.platform.length === 0 && (
            <li className="text-sm text-slate-500">The platform has no sign-in provider configured.</li>
          )}
          {signIn.platform.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-3">
              <span className="font-medium">{p.name}</span>
              {p.enabled ? <Badge tone="green">on</Badge> : <Badge tone="amber">off</Badge>}
              {isOwner && (
                <ActionForm action={providerSwitchAction.bind(null, slug, p.id, !p.enabled)}>
                  <SubmitButton tone="plain">
                    {p.enabled ? `Turn off ${p.name}` : `Turn on ${p.name}`}
                  </SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
        <h3 className="mb-2 font-semibold">Your own OIDC client</h3>
        {signIn.own && (
          <p className="mb-2 text-sm">
            Callback URL to register at your provider:{" "}
            <code className="font-mono">{signIn.own.callbackUrl}</code>
          </p>
        )}
        {isOwner && (
          <>
            <ActionForm action={ownClientAction.bind(null, slug)} aria-label="Own sign-in client">
              <Field
                name="button_name"
                label="Button name"
                required
                defaultValue={signIn.own?.name ?? ""}
                placeholder="Staff SSO"
              />
              <Field
                name="issuer"
                label="Issuer URL"
                required
                defaultValue={signIn.own?.issuer ?? ""}
                placeholder="https://login.example.com"
              />
              <Field name="client_id" label="Client id" required defaultValue={signIn.own?.clientId ?? ""} />
              <Field
                name="client_secret"
                label="Client secret"
                type="password"
                autoComplete="off"
                hint={signIn.own ? "Leave blank to keep the stored secret" : "Stored encrypted"}
              />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="enabled" defaultChecked={signIn.own?.enabled ?? true} /> Offer it
                on the sign-in page
              </label>
              <SubmitButton>Save sign-in client</SubmitButton>
            </ActionForm>
            {signIn.own && (
              <ActionForm action={removeOwnClientAction.bind(null, slug)} className="mt-2">
                <SubmitButton tone="danger">Remove sign-in client</SubmitButton>
              </ActionForm>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
