// Typst for the benchmark (issue 19): compiles one .typ file to PDF through the npm
// package @myriaddreamin/typst-ts-node-compiler (Typst's compiler as a Node addon), as
// `typst compile --font-path FONTS MAIN OUT` would.
// usage: node typst_compile.js PEERS_DIR FONTS_DIR MAIN.typ OUT.pdf
const path = require("path");
const fs = require("fs");
const [peers, fonts, main, out] = process.argv.slice(2);
const { NodeCompiler } = require(path.join(peers, "node_modules/@myriaddreamin/typst-ts-node-compiler"));

const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(main)),
  fontArgs: [{ fontPaths: [fonts] }],
});
const result = compiler.compile({ mainFilePath: path.resolve(main) });
const doc = result.result;
if (result.hasError() || !doc) {
  result.printErrors();
  process.exit(1);
}
fs.writeFileSync(out, compiler.pdf(doc));
