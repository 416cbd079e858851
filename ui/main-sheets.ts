/**
 * Entry for the Google Sheets sidebar (built into dist/apps-script/Sidebar.html by the Apps Script
 * build via ui/build.mjs): the panel over google.script.run, re-checking the active tab every five
 * seconds while the sidebar is visible, since Sheets tells a sidebar nothing when cells change.
 * "One file per person" makes and reads the files on the server (Drive), so it adds no .xlsx code.
 */
import { createGasApi } from "./bridges/gas.js";
import { gasPersonFiles } from "./bridges/gas-person-files.js";
import { mountPanel } from "./panel.js";
import { personFilesSection } from "./panel/person-files.js";

export const LIVE_CHECK_MS = 5000;

const root = document.getElementById("app");
if (root)
  mountPanel(root, createGasApi(), {
    host: "sheets",
    personFiles: personFilesSection(gasPersonFiles()),
  }).startLiveCheck(LIVE_CHECK_MS);
