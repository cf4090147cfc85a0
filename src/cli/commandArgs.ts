import { parseArgs, ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Strict<O extends Options> = {
  args: string[];
  options: O;
  allowPositionals: true;
  strict: true;
};

/**
 * A command's flags and names, strictly (an unknown or malformed flag is a problem), or that problem in
 * one sentence: node's message without the usage line it adds. Every command's parser starts here.
 */
export function commandArgs<O extends Options>(
  args: readonly string[],
  options: O
): ReturnType<typeof parseArgs<Strict<O>>> | string {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    return (error as Error).message.split("\n")[0];
  }
}
