/**
 * Entry for the Google Sheets sidebar (built into dist/apps-script/Sidebar.html by the Apps Script
 * build via ui/build.mjs): the panel over google.script.run, re-checking the active tab every five
 * seconds while the sidebar is visible, since Sheets tells a sidebar nothing when cells change.
 */
import { createGasApi } from "./bridges/gas.js";
import { mountPanel } from "./panel.js";

export const LIVE_CHECK_MS = 5000;

const root = document.getElementById("app");
if (root) mountPanel(root, createGasApi(), { host: "sheets" }).startLiveCheck(LIVE_CHECK_MS);
