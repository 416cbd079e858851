/**
 * The .xlsx package layer (design §1, §7): read every tab of any writer's workbook into core's
 * TabSnapshots, and write only the tabs the product owns, leaving every other part of the package
 * byte-identical. No file system: hosts hand it bytes and take bytes back (the command line reads
 * and writes files atomically; the Excel pane works on a file a person picks).
 *
 * tabs.ts is the light half (a Book and its tab operations); a host that wants to start fast
 * imports it directly and loads read.ts / save.ts when it meets a file, as the command line does.
 */
export {
  addTab,
  moveFirst,
  newBook,
  removeTab,
  setBookTitle,
  tabNames,
  MAX_TABS,
  type Book,
  type Tab,
} from "./tabs.js";
export { openBook } from "./book.js";
export { readBook, type ReadResult } from "./read.js";
export { bookBytes } from "./save.js";
export { MAX_UNZIPPED_BYTES } from "./package.js";
export { FFLATE, type Codec } from "./zip.js";
export { pxToWidth } from "./sheet-write.js";
