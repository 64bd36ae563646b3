// The messages Orion sends, each as plain text and HTML. Store mail carries the store's name
// and colour; every value is escaped, since names and addresses are data, never markup.
import type { Mail } from "./send";

/** Who a mail is sent in the name of; a store's brand also files the mail under that store. */
export type Brand = { name: string; color: string; storeId?: string };

export const PLATFORM: Brand = { name: "Orion", color: "#4f46e5" };

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(
  brand: Brand,
  heading: string,
  paragraphs: string[],
  action: { label: string; url: string } | null,
  footer: string,
) {
  const color = /^#[0-9a-f]{6}$/i.test(brand.color) ? brand.color : PLATFORM.color;
  const html = `<!doctype html><html><body style="margin:0;background:#f1f5f9;font-family:system-ui,sans-serif;color:#0f172a">
<div style="max-width:520px;margin:24px auto;background:#fff;border-radius:12px;overflow:hidden">
<div style="background:${color};color:#fff;padding:16px 24px;font-weight:700">${escape(brand.name)}</div>
<div style="padding:24px"><h1 style="font-size:20px;margin:0 0 12px">${escape(heading)}</h1>
${paragraphs.map((p) => `<p style="line-height:1.5">${escape(p)}</p>`).join("\n")}
${
  action
    ? `<p style="margin:24px 0"><a href="${escape(action.url)}" style="background:${color};color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escape(action.label)}</a></p>
<p style="font-size:12px;color:#64748b;word-break:break-all">${escape(action.url)}</p>
`
    : ""
}<p style="font-size:12px;color:#64748b">${escape(footer)}</p></div></div></body></html>`;
  const text = [
    brand.name,
    "",
    heading,
    "",
    ...paragraphs,
    "",
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    footer,
  ].join("\n");
  return { html, text };
}

export function passwordResetMail(to: string, url: string, brand: Brand = PLATFORM): Mail {
  const subject = `Reset your ${brand.name} password`;
  const body = layout(
    brand,
    "Choose a new password",
    [
      "Someone asked to reset the password of your account. If it was you, use the link below: it works once, for 30 minutes.",
    ],
    { label: "Choose a new password", url },
    "If you did not ask for this, ignore this message; your password stays as it is.",
  );
  return { kind: "password_reset", to, subject, storeId: brand.storeId, ...body };
}

export function verificationMail(to: string, url: string, brand: Brand): Mail {
  const subject = `Confirm your email for ${brand.name}`;
  const body = layout(
    brand,
    "Confirm your email address",
    [
      `Thanks for creating an account at ${brand.name}. Confirm that this address is yours: the link works once, for 24 hours.`,
    ],
    { label: "Confirm my email", url },
    "If you did not create this account, ignore this message.",
  );
  return { kind: "email_verification", to, subject, storeId: brand.storeId, ...body };
}

export function invitationMail(to: string, url: string, brand: Brand, role: string): Mail {
  const subject = `You are invited to the ${brand.name} team`;
  const body = layout(
    brand,
    `Join ${brand.name} as ${role}`,
    ["You have been invited to work in this store's dashboard. The link works once, for 72 hours."],
    { label: "Accept the invitation", url },
    "If you do not expect this invitation, ignore this message.",
  );
  return { kind: "invitation", to, subject, storeId: brand.storeId, ...body };
}

/** What changed on an account, for the notice its owner gets (docs/security.md, S44). */
export type AccountChange =
  | "password_changed"
  | "password_reset"
  | "password_set"
  | "mfa_enabled"
  | "mfa_disabled"
  | "recovery_codes_regenerated"
  | "social_linked"
  | "social_unlinked";

const OTHERS_OUT = "Your other sessions have been signed out.";
const CHANGES: Record<AccountChange, { subject: string; what: string; after: string }> = {
  password_changed: {
    subject: "Your password was changed",
    what: "The password of your account was changed.",
    after: OTHERS_OUT,
  },
  password_reset: {
    subject: "Your password was reset",
    what: "The password of your account was reset with a link sent to this address.",
    after: "Every session of the account has been signed out.",
  },
  password_set: {
    subject: "A password was set",
    what: "A password was set for your account; it can now sign you in with your email and that password.",
    after: OTHERS_OUT,
  },
  mfa_enabled: {
    subject: "Two-factor sign-in is on",
    what: "Two-factor sign-in was turned on for your account.",
    after: OTHERS_OUT,
  },
  mfa_disabled: {
    subject: "Two-factor sign-in is off",
    what: "Two-factor sign-in was turned off for your account.",
    after: OTHERS_OUT,
  },
  recovery_codes_regenerated: {
    subject: "New recovery codes were made",
    what: "New two-factor recovery codes were made for your account.",
    after: "The earlier codes no longer work.",
  },
  social_linked: {
    subject: "A sign-in provider was connected",
    what: "An account at a sign-in provider was connected to your account; it can now sign you in.",
    after: "If this was not you, reset your password and contact the store.",
  },
  social_unlinked: {
    subject: "A sign-in provider was disconnected",
    what: "An account at a sign-in provider was disconnected from your account; it no longer signs you in.",
    after: "Your other ways to sign in are unchanged.",
  },
};

export function isAccountChange(type: string): type is AccountChange {
  return Object.hasOwn(CHANGES, type);
}

/** Tells the owner of an account that its credentials changed, where from and when. */
export function accountChangeMail(
  to: string,
  change: AccountChange,
  brand: Brand,
  seen: { at: Date; ip: string | null },
): Mail {
  const { subject, what, after } = CHANGES[change];
  const where = `${seen.at.toISOString().slice(0, 16).replace("T", " ")} UTC${seen.ip ? `, from the address ${seen.ip}` : ""}`;
  const body = layout(
    brand,
    subject,
    [what, `When: ${where}. ${after}`],
    null,
    `If this was you, there is nothing to do. If it was not, reset your password at once${change === "mfa_disabled" ? " and turn two-factor sign-in back on" : ""}, and tell ${brand.name}.`,
  );
  return {
    kind: `notice_${change}`,
    to,
    subject: `${brand.name}: ${subject}`,
    storeId: brand.storeId,
    ...body,
  };
}
