// The colour-scheme switch, rendered by the server with the scheme the cookie already chose
// (none: the system's, which only CSS and the browser know).
import { cookies } from "next/headers";
import { ThemeToggleButton } from "./theme-toggle-button";

/** The scheme the toggle chose (its cookie), or null: follow the system. */
export async function themeChoice(): Promise<"light" | "dark" | null> {
  const value = (await cookies()).get("theme")?.value;
  return value === "dark" || value === "light" ? value : null;
}

export async function ThemeToggle() {
  return <ThemeToggleButton chosen={await themeChoice()} />;
}
