// The colour-scheme switch, rendered by the server with the scheme the cookie already chose,
// so the label is right before any script runs.
import { cookies } from "next/headers";
import { ThemeToggleButton } from "./theme-toggle-button";

export async function ThemeToggle() {
  const dark = (await cookies()).get("theme")?.value === "dark";
  return <ThemeToggleButton initialDark={dark} />;
}
