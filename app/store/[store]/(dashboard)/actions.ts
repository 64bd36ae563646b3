"use server";
// The store dashboard's server actions. Each goes through runAction: same origin, zod, the
// member's live session for this store, and the permission of its role.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, runAction } from "@/lib/actions";
import { recordAuthEvent } from "@/lib/audit";
import { type StorePrincipal, currentPagePrincipal } from "@/lib/auth/guards";
import { setCustomerActive } from "@/lib/store/customers";
import { orderStatusSchema, setOrderStatus } from "@/lib/store/orders";
import type { Permission } from "@/lib/auth/permissions";
import { archiveProduct, createProduct, productSchema, updateProduct } from "@/lib/store/products";
import { uploadedImage } from "@/lib/store/image-upload";
import {
  addProductImage,
  altField,
  removeProductImage,
  replaceProductImage,
  updateProductImage,
} from "@/lib/store/product-images";
import { LOGO_FIELD, removeStoreLogo, setStoreLogo } from "@/lib/store/logo";
import { addDomain, domainSchema, removeDomain, settingsSchema, updateSettings } from "@/lib/store/settings";
import {
  changeMemberRole,
  inviteMember,
  inviteSchema,
  removeMember,
  roleChangeSchema,
  setStaffMfaRequired,
} from "@/lib/store/team";
import { logoutAction } from "@/lib/auth-ui/actions";
import { platformLink } from "@/lib/links";
import { idParam, textField } from "@/lib/validation";

function member(slug: string, permission?: Permission) {
  return {
    principal: () => currentPagePrincipal("store", slug),
    // Work that needs a permission also needs the second factor the store may require.
    allowed: (p: StorePrincipal) => !permission || (!p.mfaMissing && p.permissions.includes(permission)),
  };
}

/** Sign-out, as the dashboard's layout names it; the action is the one every area shares. */
export async function storeLogoutAction(slug: string): Promise<void> {
  return logoutAction({ area: "store", slug });
}

// The product form sends the price in major units (12.50) and a checkbox for "active".
const productForm = productSchema.omit({ price_cents: true }).extend({
  price: z.coerce
    .number({ error: "Enter a price like 12.50" })
    .min(0, { message: "Price cannot be negative" })
    .max(1_000_000, { message: "Price is too high" }),
  is_active: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

const PRODUCT_ECHO = ["name", "description", "price", "currency", "stock"];

function productInput(data: z.infer<typeof productForm>) {
  const { price, ...rest } = data;
  return { ...rest, price_cents: Math.round(price * 100) };
}

export async function createProductAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  let created = "";
  const state = await runAction(
    formData,
    { schema: productForm, echo: PRODUCT_ECHO, ...member(slug, "products.write") },
    async (p, data) => {
      created = (await createProduct(p.store.id, productInput(data))).id;
    },
  );
  if (created) redirect(`/store/${slug}/products/${created}?saved=1`);
  return state;
}

export async function updateProductAction(
  slug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: productForm, echo: PRODUCT_ECHO, ...member(slug, "products.write") },
    async (p, data) => {
      await updateProduct(p.store.id, idParam(id, "product"), productInput(data));
      return { message: "Product saved." };
    },
  );
}

export async function archiveProductAction(
  slug: string,
  id: string,
  archived: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...member(slug, "products.write") }, async (p) => {
    await archiveProduct(p.store.id, idParam(id, "product"), archived);
    productPage(slug, id);
    return { message: archived ? "Product archived: it no longer shows in the shop." : "Product restored." };
  });
}

// Pictures of a product. The file is read from the same FormData the wrapper checked (origin,
// session, permission) and judged by its bytes in lib/images.
function productPage(slug: string, productId: string): void {
  revalidatePath(`/store/${slug}/products/${productId}`);
}

export async function addProductImageAction(
  slug: string,
  productId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: z.object({ alt: altField.default("") }), echo: ["alt"], ...member(slug, "products.write") },
    async (p, data) => {
      const id = idParam(productId, "product");
      await addProductImage(p.store.id, id, await uploadedImage(formData), data.alt);
      productPage(slug, id);
      return { message: "Picture added." };
    },
  );
}

export async function replaceProductImageAction(
  slug: string,
  productId: string,
  imageId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...member(slug, "products.write") }, async (p) => {
    const id = idParam(productId, "product");
    await replaceProductImage(p.store.id, id, idParam(imageId, "image"), await uploadedImage(formData));
    productPage(slug, id);
    return { message: "Picture replaced." };
  });
}

export async function updateProductImageAction(
  slug: string,
  productId: string,
  imageId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const schema = z.object({ alt: altField.optional(), intent: z.enum(["save", "primary"]).default("save") });
  return runAction(
    formData,
    { schema, echo: ["alt"], ...member(slug, "products.write") },
    async (p, data) => {
      const id = idParam(productId, "product");
      const primary = data.intent === "primary";
      await updateProductImage(p.store.id, id, idParam(imageId, "image"), {
        alt: data.alt,
        is_primary: primary || undefined,
      });
      productPage(slug, id);
      return { message: primary ? "This is now the main picture." : "Description saved." };
    },
  );
}

export async function removeProductImageAction(
  slug: string,
  productId: string,
  imageId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...member(slug, "products.write") }, async (p) => {
    const id = idParam(productId, "product");
    await removeProductImage(p.store.id, id, idParam(imageId, "image"));
    productPage(slug, id);
    return { message: "Picture removed." };
  });
}

export async function orderStatusAction(
  slug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: orderStatusSchema, ...member(slug, "orders.write") },
    async (p, data) => {
      await setOrderStatus(p.store.id, idParam(id, "order"), data.status);
      return { message: `Order marked ${data.status.replace("_", " ")}.` };
    },
  );
}

export async function deactivateCustomerAction(
  slug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: z.object({}), ...member(slug, "customers.write") },
    async (p, _data, ctx) => {
      const customer = await setCustomerActive(p.store.id, idParam(id, "customer"), false);
      await recordAuthEvent(
        "customer_deactivated",
        { area: "store", storeId: p.store.id, userId: p.id, customerId: customer.id },
        ctx,
      );
      revalidatePath(`/store/${slug}/customers/${id}`);
      return { message: "Customer deactivated; their sessions have ended." };
    },
  );
}

export async function inviteAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: inviteSchema, echo: ["email", "role"], ...member(slug, "team.manage") },
    async (p, data, ctx) => {
      const invitation = await inviteMember(p, data, ctx);
      return {
        message: `Invitation sent to ${data.email} (${data.role}). You can also pass on this link; it works once, for 72 hours.`,
        detail: platformLink(invitation.path),
      };
    },
  );
}

export async function changeRoleAction(
  slug: string,
  userId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: roleChangeSchema, ...member(slug, "team.manage") },
    async (p, data, ctx) => {
      await changeMemberRole(p, idParam(userId, "team member"), data.role, ctx);
      return { message: `Role changed to ${data.role}.` };
    },
  );
}

export async function removeMemberAction(
  slug: string,
  userId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: z.object({}), ...member(slug, "team.manage") },
    async (p, _data, ctx) => {
      await removeMember(p, idParam(userId, "team member"), ctx);
      revalidatePath(`/store/${slug}/team`);
      return { message: "Member removed; their sessions in this store have ended." };
    },
  );
}

const settingsForm = z.object({
  name: settingsSchema.shape.name,
  primaryColor: textField(),
  accentColor: textField(),
  logoUrl: textField().optional(),
  font: textField(),
});

export async function settingsAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    {
      schema: settingsForm,
      echo: ["name", "primaryColor", "accentColor", "logoUrl", "font"],
      ...member(slug, "settings.manage"),
    },
    async (p, data) => {
      const { name, ...theme } = data;
      const parsed = settingsSchema.safeParse({ name, theme });
      if (!parsed.success) {
        return {
          fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path.at(-1)), i.message])),
          values: { name, ...theme, logoUrl: theme.logoUrl ?? "" },
        };
      }
      await updateSettings(p.store.id, slug, parsed.data);
      return { message: "Settings saved." };
    },
  );
}

// The logo goes through the product pictures' checks (lib/images), on the form's `logo` file.
export async function uploadLogoAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...member(slug, "settings.manage") }, async (p) => {
    await setStoreLogo(p.store.id, slug, await uploadedImage(formData, LOGO_FIELD));
    revalidatePath(`/store/${slug}/settings`);
    return { message: "Logo saved. The shop shows it in its header and as its icon." };
  });
}

export async function removeLogoAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...member(slug, "settings.manage") }, async (p) => {
    await removeStoreLogo(p.store.id, slug);
    revalidatePath(`/store/${slug}/settings`);
    return { message: "Logo removed." };
  });
}

export async function addDomainAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: domainSchema, echo: ["domain"], ...member(slug, "settings.manage") },
    async (p, data) => {
      await addDomain(p.store.id, data.domain);
      return { message: `${data.domain} added. It starts working once the platform has verified it.` };
    },
  );
}

export async function removeDomainAction(
  slug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...member(slug, "settings.manage") }, async (p) => {
    await removeDomain(p.store.id, idParam(id, "domain"));
    return { message: "Domain removed." };
  });
}

export async function staffMfaPolicyAction(
  slug: string,
  required: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: z.object({}), ...member(slug, "team.manage") },
    async (p, _data, ctx) => {
      await setStaffMfaRequired(p, required, ctx);
      revalidatePath(`/store/${slug}/team`);
      return {
        message: required
          ? "Every member now signs in with two-factor."
          : "Two-factor is now each member's choice.",
      };
    },
  );
}
