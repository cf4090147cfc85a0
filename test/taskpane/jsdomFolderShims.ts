import "./jsdomTextCodecs";

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
