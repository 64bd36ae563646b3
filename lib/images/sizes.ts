// The widths every uploaded image is stored at: thumbnails (160), catalog cards on phones and
// desktops (320, 640), the product page (640, 1200). Pure, so the image loader can use it.
export const IMAGE_WIDTHS = [160, 320, 640, 1200] as const;

export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

/** The smallest stored width that covers `width` (the largest when none does). */
export function widthFor(width: number): ImageWidth {
  return IMAGE_WIDTHS.find((w) => w >= width) ?? IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
}

export function isImageWidth(value: number): value is ImageWidth {
  return (IMAGE_WIDTHS as readonly number[]).includes(value);
}
