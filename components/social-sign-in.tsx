// "Continue with {provider}" for the providers this store offers. Each is a plain form post
// to the shop's own start route, so the sign-in begins on the host the shopper is on.
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
        <form key={p.id} method="post" action={`${base}/account/login/social/${p.id}`}>
          {next && <input type="hidden" name="next" value={next} />}
          <button
            type="submit"
            className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {`Continue with ${p.name}`}
          </button>
        </form>
      ))}
    </div>
  );
}
