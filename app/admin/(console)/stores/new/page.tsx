import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { Card, PageHeader } from "@/components/ui";
import { requirePagePrincipal } from "@/lib/auth/guards";
import { createStoreAction } from "../../../console-actions";

export const metadata: Metadata = { title: "New store" };

export default async function NewStorePage() {
  await requirePagePrincipal("admin");
  return (
    <div className="max-w-2xl">
      <PageHeader title="New store" description="The store and its owner's account are created together." />
      <Card>
        <ActionForm action={createStoreAction} aria-label="New store">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="name" label="Store name" required />
            <Field name="code" label="Code" required hint="2–12 letters or digits, e.g. ACME" />
          </div>
          <Field
            name="slug"
            label="Slug"
            required
            hint="Lowercase, used in /store/{slug} and {slug}.platform"
          />
          <h2 className="pt-2 font-semibold">Owner</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="owner_username" label="Username" required autoComplete="off" />
            <Field name="owner_email" label="Email" type="email" required autoComplete="off" />
          </div>
          <Field
            name="owner_password"
            label="Initial password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 12 characters, hard to guess: a few unrelated words work well"
          />
          <SubmitButton>Create store</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
