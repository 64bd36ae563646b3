// Reading an uploaded picture from a form, for the API and the dashboard's forms alike.
import "server-only";
import { MAX_IMAGE_BYTES, imageRefused } from "@/lib/images/process";

// Room for the multipart framing and the alt text around a file of the largest size.
export const MAX_UPLOAD_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

/** The bytes of the form's `image` file; a missing or empty one is the field's error. */
export async function uploadedImage(form: FormData, field = "image"): Promise<Buffer> {
  const file = form.get(field);
  if (!(file instanceof Blob) || file.size === 0) throw imageRefused("Choose an image to upload.", field);
  // The limit is checked on the bytes again once read; here it spares reading a huge one.
  if (file.size > MAX_IMAGE_BYTES)
    throw imageRefused("This file is larger than 5 MB. Choose a smaller image.", field);
  return Buffer.from(await file.arrayBuffer());
}
