/**
 * An edit the file's own state rules out (a name already taken, a part missing): said to the user in
 * plain words, never reported as a bug. The edit is abandoned and the file is not written.
 */
export class PackageConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageConflict";
  }
}
