// Liveness: answers without touching the database or any auth.
import { json } from "@/lib/http";

export function GET(): Response {
  return json({ status: "ok" });
}
