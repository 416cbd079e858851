/** Entry for the task pane bundle (scripts/build-office.mjs): start once the page has loaded. */
import { start } from "./taskpane.js";

void start();
