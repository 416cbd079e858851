// The floor the command line is measured against (bench/cli.ts): a bare ExcelJS load of a workbook
// and a save of it, nothing else, in its own process (node bench/exceljs-load-save.mjs IN OUT).
// Plain JavaScript, so it starts as fast as node can start it (no TypeScript loader in the way).
import ExcelJS from "exceljs";

const [input, output] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(input);
await wb.xlsx.writeFile(output);
