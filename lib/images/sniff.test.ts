import { describe, expect, it } from "vitest";
import { sniffImage } from "./sniff";
import { widthFor } from "./sizes";

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffImage", () => {
  it("knows JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"))).toBe("jpeg");
    expect(sniffImage(bytes([0x89], "PNG\r\n\x1a\n", [0, 0]))).toBe("png");
    expect(sniffImage(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
  });

  it("refuses executables, text, SVG, GIF and other RIFF files whatever they are called", () => {
    for (const other of [
      bytes("MZ", [0x90, 0, 3, 0]), // a Windows executable
      bytes([0x7f], "ELF", [2, 1, 1]),
      bytes("hello, this is text"),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes("GIF89a"),
      bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "),
      bytes([0xff, 0xd8]), // cut short
      bytes(),
    ]) {
      expect(sniffImage(other)).toBeNull();
    }
  });
});

describe("widthFor", () => {
  it("picks the smallest stored width that covers the asked one, else the largest", () => {
    expect(widthFor(1)).toBe(160);
    expect(widthFor(160)).toBe(160);
    expect(widthFor(161)).toBe(320);
    expect(widthFor(750)).toBe(1200);
    expect(widthFor(3840)).toBe(1200);
  });
});
