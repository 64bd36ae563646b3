// The two pages of a password reset in every area: ask for a link, and choose a new password
// from it. Bound by the area's forgot-password/page.tsx and reset-password/page.tsx.
import Link from "next/link";
import { ForgotPasswordForm, ResetPasswordForm } from "@/components/password-reset";
import { TokenPage } from "@/components/token-page";
import { Card } from "@/components/ui";
import { AREAS, type AreaName } from "@/lib/auth/areas";
import { forgotPasswordAction, resetPasswordAction } from "@/lib/auth-ui/actions";
import { besideLogin } from "@/lib/auth-ui/paths";
import { pagePlace } from "@/lib/auth-ui/rows";
import { AUTH_FRAMES, inShop } from "./frames";
import { type Query, queryText } from "./query";

export async function ForgotPasswordPage({ area, slug = "" }: { area: AreaName; slug?: string }) {
  const place = await pagePlace(area, slug);
  const form = <ForgotPasswordForm action={forgotPasswordAction.bind(null, { area, slug })} />;
  const back = (
    <p className="mt-4 text-sm">
      <Link href={AREAS[area].loginPath(place.scope)} className="underline">
        Back to sign in
      </Link>
    </p>
  );
  const title = AUTH_FRAMES[area].forgotTitle;
  if (inShop(area, place)) {
    // A shop page: inside the storefront's own frame.
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-3xl font-bold">{title}</h1>
        <Card>{form}</Card>
        {back}
      </div>
    );
  }
  return (
    <main id="main" className="p-4 pt-16">
      <TokenPage title={title}>
        {form}
        {back}
      </TokenPage>
    </main>
  );
}

export async function ResetPasswordPage({
  area,
  slug = "",
  query,
}: {
  area: AreaName;
  slug?: string;
  query: Query;
}) {
  const place = await pagePlace(area, slug);
  const token = queryText(query, "token") ?? "";
  const form = (
    <ResetPasswordForm
      action={resetPasswordAction.bind(null, { area, slug })}
      token={token}
      minimum={AREAS[area].minPasswordChars}
    />
  );
  if (inShop(area, place)) {
    return (
      <TokenPage title="Choose a new password">
        {token ? form : <p>This link is incomplete.</p>}
        <p className="mt-4 text-sm">
          <Link href={besideLogin(area, place.scope, "forgot-password")} className="underline">
            Ask for a new link
          </Link>
        </p>
      </TokenPage>
    );
  }
  return (
    <main id="main" className="p-4 pt-16">
      <TokenPage title="Choose a new password">{form}</TokenPage>
    </main>
  );
}
