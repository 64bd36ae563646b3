import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/forms";
import { SocialSignIn } from "@/components/social-sign-in";
import { Card } from "@/components/ui";
import { signInButtonsOf } from "@/lib/auth/social/providers";
import { storefrontPage } from "@/lib/storefront/context";
import { registerAction } from "../../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  const { store, base } = await storefrontPage(slug);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">Create your {store.name} account</h1>
      <Card>
        <ActionForm action={registerAction.bind(null, slug)} aria-label="Register">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="first_name" label="First name" required autoComplete="given-name" />
            <Field name="last_name" label="Last name" required autoComplete="family-name" />
          </div>
          <Field name="email" label="Email" type="email" required autoComplete="email" />
          <Field name="phone" label="Phone (optional)" type="tel" autoComplete="tel" />
          <Field
            name="password"
            label="Password"
            type="password"
            required
            autoComplete="new-password"
            hint="At least 8 characters, hard to guess: a few unrelated words work well"
          />
          <Field
            name="confirm_password"
            label="Repeat the password"
            type="password"
            required
            autoComplete="new-password"
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="marketing_consent" /> Send me news and offers from {store.name}
          </label>
          <SubmitButton>Create account</SubmitButton>
        </ActionForm>
        <SocialSignIn providers={await signInButtonsOf(store)} base={base} />
      </Card>
      <p className="mt-4 text-sm">
        Already have an account?{" "}
        <Link href={`${base}/account/login`} className="underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
