import JSZip from "jszip";
import { zipFile } from "../../src/xlsx/zipFile";

describe("zipFile", () => {
  it("writes parts another zip reader reads back byte for byte, CRCs checked", async () => {
    const big = new TextEncoder().encode("<row>x</row>".repeat(5000));
    const tiny = new Uint8Array([1]);
    const bytes = zipFile([
      { name: "[Content_Types].xml", data: big },
      { name: "xl/Ünïcode.xml", data: tiny },
      { name: "empty.xml", data: new Uint8Array() },
    ]);
    expect(bytes.length).toBeLessThan(big.length / 10);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(["[Content_Types].xml", "xl/Ünïcode.xml", "empty.xml"]);
    expect(await zip.file("[Content_Types].xml")!.async("uint8array")).toEqual(big);
    expect(await zip.file("xl/Ünïcode.xml")!.async("uint8array")).toEqual(tiny);
    expect(await zip.file("empty.xml")!.async("uint8array")).toEqual(new Uint8Array());
    // The same parts give the same bytes: no timestamps.
    expect(zipFile([{ name: "a", data: tiny }]).equals(zipFile([{ name: "a", data: tiny }]))).toBe(
      true
    );
  });
});
