// What the sign-in pages of each area say: the heading of its frame, who its login page is
// for, and the title of its reset pages. Paths come from the area table, behaviour from
// lib/auth-ui; this is only the wording.
import Link from "next/link";
import type { ReactNode } from "react";
import type { AreaName } from "@/lib/auth/areas";
import type { AuthPlace } from "@/lib/auth-ui/rows";

export type Heading =
  | { shell: "console"; eyebrow: string; title: string }
  | { shell: "shop"; eyebrow: string; title: string; blurb: string };

type Frame = {
  /** The heading of the login page (`mfa`: of the code page). */
  heading: (place: AuthPlace, page: "login" | "mfa") => Heading;
  /** The line under a console login card. */
  audience?: (place: AuthPlace) => ReactNode;
  /** Notices of the login page besides "signed out" and "password changed", by query key. */
  notices?: Record<string, string>;
  /** The label of the login form's identifier field. */
  identifierLabel?: string;
  /** The heading of the forgot-password page. */
  forgotTitle: string;
};

export const AUTH_FRAMES: Record<AreaName, Frame> = {
  admin: {
    heading: () => ({ shell: "console", eyebrow: "Orion", title: "Admin console" }),
    audience: () => "For platform administrators only.",
    forgotTitle: "Admin password reset",
  },
  store: {
    heading: ({ store }) => ({
      shell: "console",
      eyebrow: `${store!.code} · store dashboard`,
      title: store!.name,
    }),
    audience: ({ store }) => (
      <>
        For the team of {store!.name}. Platform admins sign in to the{" "}
        <Link href="/admin/login" className="underline">
          admin console
        </Link>
        .
      </>
    ),
    notices: { joined: "Welcome to the team. Sign in to start." },
    forgotTitle: "Password reset",
  },
  customer: {
    heading: ({ store }, page) => ({
      shell: "shop",
      eyebrow: "Welcome back",
      title: store!.name,
      blurb:
        page === "login"
          ? "Sign in to see your orders, addresses and wishlist."
          : "One more step: your account is protected by two-factor sign-in.",
    }),
    identifierLabel: "Email",
    forgotTitle: "Forgot your password?",
  },
};

/** The area's pages sit inside a shop's own frame (its header and colours), not a console card. */
export function inShop(area: AreaName, place: AuthPlace): boolean {
  return AUTH_FRAMES[area].heading(place, "login").shell === "shop";
}
