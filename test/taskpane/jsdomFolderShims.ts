import "./jsdomTextCodecs";
import { webcrypto } from "crypto";

// What every browser has and jsdom lacks, for the folder tests (imported first): the folder's files are
// read with Blob.text() and Blob.arrayBuffer(), for which FileReader stands in.
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
