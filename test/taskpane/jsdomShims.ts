import { webcrypto } from "crypto";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

// What every browser and worker has and jsdom lacks, for the pane's file-reading tests; imported before
// the code under test, since the Parquet reader (hyparquet) makes a TextDecoder and a TextEncoder when it
// loads, and JSZip decodes text parts with TextDecoder.
if (typeof globalThis.TextDecoder === "undefined")
  globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
if (typeof globalThis.TextEncoder === "undefined")
  globalThis.TextEncoder = NodeTextEncoder as unknown as typeof TextEncoder;

// Blob.text() and Blob.arrayBuffer(), with FileReader standing in.
function readBlob<T>(read: (r: FileReader) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error);
    read(reader);
  });
}
Blob.prototype.text ??= function (this: Blob) {
  return readBlob<string>((r) => r.readAsText(this));
};
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return readBlob<ArrayBuffer>((r) => r.readAsArrayBuffer(this));
};

// Files of equal size are told apart by a SHA-256 of their start (crypto.subtle.digest).
if (!globalThis.crypto?.subtle)
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
