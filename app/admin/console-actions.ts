"use server";
// The admin console's server actions: stores and users.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, apiErrorState, runAction } from "@/lib/actions";
import {
  createStore,
  setDomainVerified,
  setStoreStatus,
  storeCreateSchema,
  storeNameField,
  updateStore,
} from "@/lib/admin/stores";
import { unlockAccount, unlockSchema } from "@/lib/admin/locks";
import { setUserActive } from "@/lib/admin/users";
import { ApiError } from "@/lib/http/errors";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { recordAuthEvent } from "@/lib/audit";
import { getDelivery } from "@/lib/mail/deliveries";
import { retryMailNow } from "@/lib/mail/queue";
import { idParam, textField } from "@/lib/validation";

const admin = { principal: () => currentPagePrincipal("admin") };

// Field by field as the form names them; storeCreateSchema below judges each value.
const storeForm = z.object({
  code: textField(),
  slug: textField(),
  name: textField(),
  owner_username: textField(),
  owner_email: textField(),
  owner_password: z.string(),
});

export async function createStoreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = "";
  const echo = ["code", "slug", "name", "owner_username", "owner_email"];
  const state = await runAction(formData, { schema: storeForm, echo, ...admin }, async (p, data, ctx) => {
    const parsed = storeCreateSchema.safeParse({
      code: data.code,
      slug: data.slug,
      name: data.name,
      owner: { username: data.owner_username, email: data.owner_email, password: data.owner_password },
    });
    const values = Object.fromEntries(echo.map((k) => [k, String(formData.get(k) ?? "")]));
    if (!parsed.success) {
      return {
        fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("_"), i.message])),
        values,
      };
    }
    try {
      created = (await createStore(p, parsed.data, ctx)).id;
    } catch (error) {
      // The API names the field owner.password; the form calls it owner_password.
      if (!(error instanceof ApiError) || error.code !== "VALIDATION_ERROR") throw error;
      const state = apiErrorState(error, values);
      const fieldErrors = Object.fromEntries(
        Object.entries(state.fieldErrors ?? {}).map(([k, m]) => [k.replace(".", "_"), m]),
      );
      return { ...state, fieldErrors };
    }
  });
  if (created) redirect(`/admin/stores/${created}?created=1`);
  return state;
}

export async function renameStoreAction(
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: z.object({ name: storeNameField }), echo: ["name"], ...admin },
    async (_p, data) => {
      await updateStore(idParam(id, "store"), data);
      return { message: "Store saved." };
    },
  );
}

export async function storeStatusAction(
  id: string,
  status: "active" | "suspended",
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...admin }, async (p, _data, ctx) => {
    await setStoreStatus(p, idParam(id, "store"), status, ctx);
    // The page shows the new status (and the other button) without a reload.
    revalidatePath(`/admin/stores/${id}`);
    return { message: status === "suspended" ? "Store suspended." : "Store reactivated." };
  });
}

export async function verifyDomainAction(
  storeId: string,
  domainId: string,
  verified: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...admin }, async () => {
    await setDomainVerified(idParam(storeId, "store"), idParam(domainId, "domain"), verified);
    return { message: verified ? "Domain verified." : "Domain verification withdrawn." };
  });
}

export async function userActiveAction(
  id: string,
  active: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...admin }, async (p, _data, ctx) => {
    await setUserActive(p, idParam(id, "user"), active, ctx);
    revalidatePath("/admin/users");
    return { message: active ? "User reactivated." : "User deactivated; their sessions have ended." };
  });
}

export async function unlockAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(
    formData,
    { schema: unlockSchema, echo: ["identifier", "store_code"], ...admin },
    async (p, data, ctx) => {
      const { wasLocked } = await unlockAccount(p, data, ctx);
      revalidatePath("/admin/locks");
      return {
        message: wasLocked
          ? `${data.identifier} is unlocked.`
          : `${data.identifier} was not locked; its failure count is cleared.`,
      };
    },
  );
}

/** "Retry now" on the Outbox: a failed mail gets one more attempt, a retrying one stops waiting. */
export async function retryMailAction(
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  let retried = "";
  const state = await runAction(formData, { schema: z.object({}), ...admin }, async (p, _data, ctx) => {
    const mailId = idParam(id, "mail");
    const mail = await getDelivery(mailId);
    if (!mail || !(await retryMailNow(mailId))) {
      throw new ApiError("NOT_FOUND", { message: "That mail is not waiting to be sent again." });
    }
    await recordAuthEvent(
      "mail_retried",
      {
        area: "admin",
        userId: p.id,
        storeId: mail.storeId,
        details: { mail_id: mailId, kind: mail.kind, was: mail.status },
      },
      ctx,
    );
    retried = mailId;
  });
  // The row leaves a "failed" filter, and its form with it: the page shows the answer.
  if (retried) redirect(`/admin/outbox?retried=${retried}`);
  return state;
}
