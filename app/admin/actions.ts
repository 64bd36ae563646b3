"use server";
// Sign-out of the console, as the console's layout names it; the action itself is the one
// every area shares (lib/auth-ui/actions.ts).
import { logoutAction as signOut } from "@/lib/auth-ui/actions";

export async function logoutAction(): Promise<void> {
  return signOut({ area: "admin", slug: "" });
}
