/**
 * The typed panel API, re-exported for the panel and the host bridges. It is defined in core
 * (core/panel-api.ts) because core/app.ts produces its results; core never imports from ui/.
 */
export * from "../core/panel-api.js";
