/**
 * A FOCUS file the importer cannot use at all. Thrown by the aggregator and the readers; the import
 * then gives no result (no partial aggregates), and `kind` lets the pane and the CLI choose their words.
 */
export type FocusFileErrorKind =
  /** Columns the aggregation needs are not in the header. */
  | "missingColumns"
  /** The header splits into FOCUS columns on a delimiter that is not read ("|"). */
  | "wrongDelimiter"
  /** The file ends inside a quoted field or in a partial row. */
  | "truncated"
  /** A quoted field is malformed (text after its closing quote). */
  | "malformed"
  /** One row is longer than the limit (a huge field, or a quote never closed). */
  | "fieldTooLarge"
  /** UTF-16 or invalid UTF-8: FOCUS files are UTF-8. */
  | "encoding"
  /** The file cannot be read (I/O, gzip, empty file, not Parquet though named .parquet). */
  | "unreadable"
  /** A Parquet column is stored as a type that cannot hold its values (a boolean cost, a numeric date). */
  | "columnType"
  /** A Parquet row group is larger than the host may hold in memory (the browser's limit is lower). */
  | "rowGroupTooLarge";

export class FocusFileError extends Error {
  constructor(
    readonly kind: FocusFileErrorKind,
    /** The file's name as given to the importer. */
    readonly file: string,
    /** 1-based line where the problem was found; 0 for the whole file. */
    readonly line: number,
    message: string,
    /** Parquet: the 1-based row group concerned, when there is one. */
    readonly rowGroup?: number
  ) {
    super(message);
    this.name = "FocusFileError";
  }
}
