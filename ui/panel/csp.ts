/**
 * The Content-Security-Policy the panel can always set for itself, at start-up, before it shows any
 * data: no inline event handlers (script-src-attr 'none'), no plugins, no <base> redirection.
 *
 * Why at run time: Apps Script's HtmlService ignores <meta> tags written in the HTML file and serves
 * our script inline inside Google's own sandboxed frame, so a hash- or nonce-based script-src cannot
 * be relied on there. A policy element inserted into <head> by script is still enforced for
 * everything after it, and script-src-attr leaves script elements (ours and Google's) alone while
 * forbidding every onerror=/onclick= attribute, which is how injected markup would run code. The
 * preview and the Excel task pane also get a strict static policy from ui/build.mjs.
 */

export const RUNTIME_CSP = "script-src-attr 'none'; object-src 'none'; base-uri 'none'";

export function ensureRuntimeCsp(doc: Document = document): void {
  if (doc.getElementById("ladder-runtime-csp")) return;
  const meta = doc.createElement("meta");
  meta.id = "ladder-runtime-csp";
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = RUNTIME_CSP;
  doc.head.prepend(meta);
}
