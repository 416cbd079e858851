/**
 * The .xlsx package layer (design §1, §7): read every tab of any writer's workbook into core's
 * TabSnapshots, and write only the tabs the product owns, leaving every other part of the package
 * byte-identical. No file system: hosts hand it bytes and take bytes back (the command line reads
 * and writes files atomically; the Excel pane works on a file a person picks).
 */
export {
  addTab,
  bookBytes,
  bookTitle,
  moveFirst,
  setBookTitle,
  newBook,
  openBook,
  removeTab,
  tabNames,
  type Book,
  type Tab,
} from "./book.js";
export { readBook, type ReadResult } from "./read.js";
export { MAX_TABS } from "./workbook.js";
export { MAX_UNZIPPED_BYTES } from "./package.js";
export { FFLATE, type Codec } from "./zip.js";
export { pxToWidth } from "./sheet-write.js";
