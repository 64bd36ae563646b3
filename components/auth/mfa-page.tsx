// The code page of every area's sign-in (the second step), bound by the area's page.tsx.
import { MfaStep } from "@/components/mfa-step";
import { AREAS, type AreaName } from "@/lib/auth/areas";
import { safeNext } from "@/lib/auth/safe-next";
import { mfaAction } from "@/lib/auth-ui/actions";
import { pagePlace } from "@/lib/auth-ui/rows";
import { AuthCard } from "./auth-card";
import { AUTH_FRAMES } from "./frames";
import { type Query, queryText } from "./query";

export async function MfaPage({ area, slug = "", query }: { area: AreaName; slug?: string; query: Query }) {
  const place = await pagePlace(area, slug);
  const def = AREAS[area];
  const next = safeNext(queryText(query, "next"), def.cookiePath(place.scope));
  return (
    <AuthCard heading={AUTH_FRAMES[area].heading(place, "mfa")}>
      <MfaStep
        action={mfaAction.bind(null, { area, slug })}
        next={next}
        loginHref={def.loginPath(place.scope)}
      />
    </AuthCard>
  );
}
