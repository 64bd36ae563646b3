// Liveness: answers without touching the database or any auth, on our own hosts only.
import { apiRoute, json } from "@/lib/http";

export const GET = apiRoute(async () => json({ status: "ok" }));
