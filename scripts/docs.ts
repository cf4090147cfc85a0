/* npm run docs: writes the function reference (docs/FUNCTIONS.md, assets/help.html), the task pane's function catalogue and the warehouse queries (docs/sql). */
import * as fs from "fs";
import * as path from "path";
import { generateReference } from "./docs/generateReference";
import { monthlyQueryFiles } from "../src/domain/focus/warehouse/queryFiles";

generateReference()
  .then((files) => {
    for (const [file, content] of Object.entries({ ...files, ...monthlyQueryFiles() })) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      console.log(`wrote ${file}`);
    }
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
