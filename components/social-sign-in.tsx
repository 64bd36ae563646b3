// "Continue with {provider}" for the providers this store offers. Each is a plain link to the
// shop's own start route, so the sign-in begins on the host the shopper is on. A link, not a
// form: the page's `form-action 'self'` would stop a form's redirects to the provider.
import type { SignInProvider } from "@/lib/auth/social/providers";

export function SocialSignIn({
  providers,
  base,
  next,
}: {
  providers: Pick<SignInProvider, "id" | "name">[];
  base: string;
  next?: string | null;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2" aria-label="Other ways to sign in">
      <p className="text-center text-sm text-slate-500 dark:text-slate-400">or</p>
      {providers.map((p) => (
        <a
          key={p.id}
          href={`${base}/account/login/social/${p.id}${next ? `?next=${encodeURIComponent(next)}` : ""}`}
          className="block w-full rounded-md border border-slate-300 px-4 py-2 text-center font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {`Continue with ${p.name}`}
        </a>
      ))}
    </div>
  );
}
