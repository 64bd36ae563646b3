// Turns an uploaded file into the stored variants: checked by its bytes (JPEG, PNG or WebP,
// at most 5 MB, a sane pixel count), turned upright, resized to every width the pages use and
// re-encoded as WebP, which drops EXIF, GPS and every other piece of metadata.
import sharp from "sharp";
import { ApiError } from "@/lib/http/errors";
import { IMAGE_WIDTHS, type ImageWidth } from "./sizes";
import { IMAGE_KIND_LABEL, sniffImage } from "./sniff";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
// A 5 MB PNG can still unpack to gigabytes; 40 megapixels is more than any product photo needs.
const MAX_INPUT_PIXELS = 40_000_000;

export type ProcessedImage = { width: number; height: number; variants: Map<ImageWidth, Buffer> };

/** A refusal of the file, on the form field that sent it. */
export function imageRefused(message: string, field = "image"): ApiError {
  return new ApiError("VALIDATION_ERROR", { message, details: [{ field, message }] });
}

/** The checks that need no decoding: present, small enough, and an image by its first bytes. */
function checkImageBytes(bytes: Uint8Array, field = "image"): void {
  if (bytes.byteLength === 0) throw imageRefused("Choose an image to upload.", field);
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    throw imageRefused("This file is larger than 5 MB. Choose a smaller image.", field);
  if (!sniffImage(bytes))
    throw imageRefused(`This file is not an image Orion accepts: upload a ${IMAGE_KIND_LABEL} file.`, field);
}

export async function processImage(bytes: Buffer, field = "image"): Promise<ProcessedImage> {
  checkImageBytes(bytes, field);
  const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
  let width: number;
  let height: number;
  try {
    const meta = await input().metadata();
    if (!meta.width || !meta.height) throw new Error("no dimensions");
    // EXIF orientations 5–8 swap the sides once the picture is turned upright.
    const turned = (meta.orientation ?? 1) >= 5;
    width = turned ? meta.height : meta.width;
    height = turned ? meta.width : meta.height;
  } catch {
    throw imageRefused(
      "This image could not be read: the file may be damaged or too large in pixels.",
      field,
    );
  }
  const variants = new Map<ImageWidth, Buffer>();
  try {
    for (const w of IMAGE_WIDTHS) {
      const out = await input()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      variants.set(w, out);
    }
  } catch {
    throw imageRefused("This image could not be read: the file may be damaged.", field);
  }
  const largest = Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!);
  return { width: largest, height: Math.round((height * largest) / width), variants };
}
