/**
 * The built-in templates: every JSON file in templates/, validated once on first use. A broken file
 * fails loudly with its file name and JSON path (LadderError "template-invalid"), and nothing is
 * half-loaded: either the whole catalog loads or none of it does.
 */
import { TEMPLATE_FILES } from "../templates/index.js";
import { didYouMean } from "./suggest.js";
import { LadderError } from "./errors.js";
import { loadTemplate, type ChartTemplate, type Template } from "./template.js";

/** Id of the template holding level names, grade bands and zones. */
export const GRADE_BANDS_ID = "grade-bands";

let cache: readonly Template[] | undefined;

/**
 * Validate a list of template files into a catalog; ids must be unique.
 * @example loadCatalog([{ file: "templates/x.json", json }])
 */
export function loadCatalog(files: readonly { file: string; json: unknown }[]): readonly Template[] {
  const out: Template[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const { file, json } of files) {
    try {
      const t = loadTemplate(json, file);
      const expected = /([^/\\]+)\.json$/.exec(file)?.[1];
      if (expected !== undefined && expected !== t.id)
        problems.push(`${file}: $.id: '${t.id}' must match the file name '${expected}'`);
      const clash = ids.get(t.id);
      if (clash !== undefined) problems.push(`${file}: $.id: '${t.id}' is already used by ${clash}`);
      ids.set(t.id, file);
      out.push(t);
    } catch (e) {
      if (e instanceof LadderError) problems.push(...(e.details.length ? e.details : [e.message]));
      else throw e;
    }
  }
  if (problems.length > 0) throw new LadderError("template-invalid", problems[0]!, problems);
  return out;
}

/** All built-in templates, validated (memoised). */
export function builtinTemplates(): readonly Template[] {
  cache ??= loadCatalog(TEMPLATE_FILES);
  return cache;
}

/** findTemplate("leadership-ladder") -> the ladder template; throws "template-unknown" otherwise. */
export function findTemplate(id: string, templates: readonly Template[] = builtinTemplates()): Template {
  const t = templates.find((x) => x.id === id);
  if (!t) {
    const ids = templates.map((x) => x.id).join(", ");
    throw new LadderError(
      "template-unknown",
      `There is no template called '${id}'.${didYouMean(
        id,
        templates.map((x) => x.id),
      )} Templates: ${ids}.`,
    );
  }
  return t;
}

/** The grade-band chart template (levels, bands, zones). */
export function gradeBands(templates: readonly Template[] = builtinTemplates()): ChartTemplate {
  const t = findTemplate(GRADE_BANDS_ID, templates);
  if (t.kind !== "chart")
    throw new LadderError("template-invalid", `${GRADE_BANDS_ID} must be a chart template`);
  return t;
}
