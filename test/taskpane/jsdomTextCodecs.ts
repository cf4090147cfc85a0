import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

// jsdom has no TextDecoder or TextEncoder, which the reader uses (every browser and worker has them).
// Imported before the reader: the Parquet reader (hyparquet) makes both when it loads.
if (typeof globalThis.TextDecoder === "undefined")
  globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
if (typeof globalThis.TextEncoder === "undefined")
  globalThis.TextEncoder = NodeTextEncoder as unknown as typeof TextEncoder;
