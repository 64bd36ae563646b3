import { otherMethods } from "@/lib/http/methods";
import { apiRoute, json } from "@/lib/http";
import { PLATFORM_ROUTES } from "@/lib/http/routes";

// Liveness: answers without touching the database or any auth, on our own hosts only.
export const GET = apiRoute(PLATFORM_ROUTES.health, async () => json({ status: "ok" }));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
