import { deflateSync } from "zlib";
import { cellMarker, esc, NS } from "./ooxml";

/**
 * A picture pasted on the sheet, as Excel saves one: the image part (xl/media/image1.png) and a
 * two-cell anchor that moves but does not size with cells (editAs="oneCell") around an <xdr:pic>
 * whose blip names the image through the drawing's relationships (CT_Picture, ECMA-376 Part 1
 * §20.5.2.25; Excel declares the r namespace on <a:blip> itself).
 */

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid PNG of `size` × `size` pixels, 8-bit RGBA, filled with one colour. */
export function tinyPng(size = 2, rgba: readonly number[] = [0x0f, 0x6b, 0x5c, 0xff]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  // compression, filter and interlace methods: 0
  const row = Buffer.from([0, ...Array.from({ length: size }, () => rgba).flat()]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(pixels)),
      chunk("IEND", new Uint8Array(0)),
    ])
  );
}

/** The picture's anchor: columns I:J, rows 1:4 (0-based from/to markers). */
export function pictureAnchor(shapeId: number, imageRelId: string): string {
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    cellMarker("from", 8, 0) +
    cellMarker("to", 9, 3) +
    "<xdr:pic><xdr:nvPicPr>" +
    `<xdr:cNvPr id="${shapeId}" name="Picture ${shapeId - 1}" descr="${esc("Team logo")}"/>` +
    '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
    `<xdr:blipFill><a:blip xmlns:r="${NS.r}" r:embed="${imageRelId}"/>` +
    "<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>" +
    '<xdr:spPr><a:xfrm><a:off x="6096000" y="0"/><a:ext cx="609600" cy="571500"/></a:xfrm>' +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>' +
    "<xdr:clientData/></xdr:twoCellAnchor>"
  );
}
