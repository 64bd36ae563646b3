// The login page of every area, bound by the area's page.tsx: `<LoginPage area="admin" …/>`.
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { SocialSignIn } from "@/components/social-sign-in";
import { Toast } from "@/components/toast";
import { AREAS, type AreaName } from "@/lib/auth/areas";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { safeNext } from "@/lib/auth/safe-next";
import { signInButtonsOf } from "@/lib/auth/social/providers";
import { loginAction } from "@/lib/auth-ui/actions";
import { besideLogin } from "@/lib/auth-ui/paths";
import { pagePlace } from "@/lib/auth-ui/rows";
import { AuthCard } from "./auth-card";
import { AUTH_FRAMES } from "./frames";
import { type Query, queryText } from "./query";

export async function LoginPage({ area, slug = "", query }: { area: AreaName; slug?: string; query: Query }) {
  const place = await pagePlace(area, slug);
  const def = AREAS[area];
  const frame = AUTH_FRAMES[area];
  const heading = frame.heading(place, "login");
  const next = safeNext(queryText(query, "next"), def.cookiePath(place.scope));
  if (await currentPagePrincipal(area, def.storeScoped ? slug : undefined))
    redirect(next ?? def.homePath(place.scope));
  const form = (
    <LoginForm
      action={loginAction.bind(null, { area, slug })}
      next={next}
      identifierLabel={frame.identifierLabel}
    />
  );
  const forgot = (
    <Link href={besideLogin(area, place.scope, "forgot-password")} className="underline">
      Forgot your password?
    </Link>
  );
  const notices = (
    <>
      {query.signed_out === "1" && <Toast message="You have been signed out." />}
      {query.reset === "1" && <Toast message="Password changed. Sign in with the new one." />}
      {Object.entries(frame.notices ?? {}).map(
        ([key, message]) => query[key] === "1" && <Toast key={key} message={message} />,
      )}
    </>
  );
  if (heading.shell === "shop") {
    return (
      <AuthCard heading={heading} notices={notices}>
        <h2 className="mb-4 text-xl font-semibold">Sign in</h2>
        {form}
        <SocialSignIn
          providers={await signInButtonsOf(place.store!)}
          base={def.cookiePath(place.scope)}
          next={next}
        />
        <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
          <Link href={besideLogin(area, place.scope, "register")} className="underline">
            Create an account
          </Link>
          {forgot}
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      heading={heading}
      notices={notices}
      below={
        <>
          <p className="mt-4 text-center text-sm">{forgot}</p>
          <p className="mt-4 text-center text-xs text-slate-500">{frame.audience?.(place)}</p>
        </>
      }
    >
      {form}
    </AuthCard>
  );
}
