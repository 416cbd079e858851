// Template files with mistakes (a trust editing templates/*.json by hand): each is a LadderError
// "template-invalid" naming the file and the JSON path, and nothing is loaded. test/core/inputs.test.ts
// covers a missing title, kind "spinner", version "one", a numeric statement, duplicate rating codes
// and an id that does not match its file name; these are the others.
import { describe, expect, it } from "vitest";
import { builtinTemplates, loadCatalog } from "../../core/catalog.js";
import { TEMPLATE_FILES } from "../../templates/index.js";
import chart from "../../templates/grade-bands.json";
import feedback from "../../templates/equip-meeting-feedback.json";
import ladder from "../../templates/leadership-ladder.json";
import rating from "../../templates/equip-teacher.json";
import { thrown } from "./support.js";

type Json = Record<string, unknown>;
const clone = (j: unknown): Json => structuredClone(j) as Json;
/** A copy of `base` changed by `edit`. */
const edited = (base: unknown, edit: (j: Json) => void): Json => {
  const j = clone(base);
  edit(j);
  return j;
};
const at = (j: Json, key: string): Json[] => j[key] as Json[];

/** [label, file, json, the "file: $.path" the message must start with]. */
const BROKEN: [string, string, unknown, string][] = [
  ["a ladder with no levels field", "leadership-ladder", edited(ladder, (j) => delete j.levels), "$.levels"],
  ["a template with no id", "leadership-ladder", edited(ladder, (j) => delete j.id), "$.id"],
  ["a template with no kind", "leadership-ladder", edited(ladder, (j) => delete j.kind), "$.kind"],
  ["kind in capitals ('Ladder')", "leadership-ladder", edited(ladder, (j) => (j.kind = "Ladder")), "$.kind"],
  ["an empty title", "leadership-ladder", edited(ladder, (j) => (j.title = "   ")), "$.title"],
  ["version 0", "leadership-ladder", edited(ladder, (j) => (j.version = 0)), "$.version"],
  ["version 1.5", "leadership-ladder", edited(ladder, (j) => (j.version = 1.5)), "$.version"],
  [
    "a misspelt field ('titel')",
    "leadership-ladder",
    edited(ladder, (j) => (j.titel = "x")),
    '$: Unrecognized key: "titel"',
  ],
  [
    "a level number as text",
    "leadership-ladder",
    edited(ladder, (j) => (at(j, "levels")[0]!.level = "1")),
    "$.levels[0].level",
  ],
  [
    "levels out of order",
    "leadership-ladder",
    edited(ladder, (j) => {
      const l = at(j, "levels");
      [l[1], l[2]] = [l[2]!, l[1]!];
    }),
    "$.levels[1].level",
  ],
  [
    "a level with no statements",
    "leadership-ladder",
    edited(ladder, (j) => (at(j, "levels")[3]!.statements = [])),
    "$.levels[3].statements",
  ],
  [
    "generate.maxLevel beyond the last level",
    "leadership-ladder",
    edited(ladder, (j) => ((j.generate as Json).maxLevel = 9)),
    "$.generate",
  ],
  [
    "checkpoints repeated",
    "leadership-ladder",
    edited(ladder, (j) => (j.checkpoints = ["Sep", "Sep"])),
    "$.checkpoints",
  ],
  [
    "a rating scale with one option",
    "equip-teacher",
    edited(rating, (j) => (j.scale = at(j, "scale").slice(0, 1))),
    "$.scale",
  ],
  [
    "rating scale keys that differ only in case",
    "equip-teacher",
    edited(rating, (j) => {
      const s = at(j, "scale");
      s[1]!.key = String(s[0]!.key).toLowerCase();
    }),
    "$.scale",
  ],
  [
    "a rating item with no code",
    "equip-teacher",
    edited(rating, (j) => delete at(at(j, "sections")[0]!, "items")[0]!.code),
    "$.sections[0].items[0].code",
  ],
  [
    "duplicate feedback item codes",
    "equip-meeting-feedback",
    edited(feedback, (j) => {
      const items = at(at(j, "strands")[0]!, "items");
      items[1]!.code = items[0]!.code;
    }),
    "$.strands",
  ],
  [
    "a duplicate band on the grade-band chart",
    "grade-bands",
    edited(chart, (j) => (at(j, "bands")[1]!.band = 1)),
    "$.bands",
  ],
  [
    "three zones instead of four",
    "grade-bands",
    edited(chart, (j) => (j.zones = at(j, "zones").slice(0, 3))),
    "$.zones",
  ],
  [
    "a zone fill in capitals ('#F4CCCC')",
    "grade-bands",
    edited(chart, (j) => (at(j, "zones")[0]!.fill = "#F4CCCC")),
    "$.zones[0].fill",
  ],
  [
    "an unknown zone name",
    "grade-bands",
    edited(chart, (j) => (at(j, "zones")[0]!.zone = "superb")),
    "$.zones[0].zone",
  ],
  [
    "a band's expected levels as a string",
    "grade-bands",
    edited(chart, (j) => (at(j, "bands")[0]!.expected = "1-2")),
    "$.bands[0].expected",
  ],
  ["a file that is null", "leadership-ladder", null, "$: Invalid input: expected object"],
  ["a file that is an array", "leadership-ladder", [ladder], "$: Invalid input: expected object"],
  ["a file that is a string", "leadership-ladder", "leadership-ladder", "$: Invalid input: expected object"],
];

describe("broken template files", () => {
  it.each(BROKEN)("%s: template-invalid, naming the file and the JSON path", (_label, id, json, path) => {
    const file = `templates/${id}.json`;
    const e = thrown(() => loadCatalog([{ file, json }]));
    expect(e.code).toBe("template-invalid");
    expect(e.message.startsWith(`${file}: ${path}`), e.message).toBe(true);
    expect(e.message).not.toContain("\n");
  });

  it("one broken file among the good ones: the whole catalog refuses, and every problem is listed", () => {
    const files = [
      ...TEMPLATE_FILES.filter((f) => !f.file.endsWith("leadership-ladder.json")),
      { file: "templates/leadership-ladder.json", json: BROKEN[0]![2] },
      {
        file: "templates/equip-teacher-copy.json",
        json: edited(rating, (j) => (j.id = "equip-teacher-copy")),
      },
      {
        file: "templates/equip-teacher-copy2.json",
        json: edited(rating, (j) => (j.id = "equip-teacher-copy")),
      },
    ];
    let loaded: unknown;
    const e = thrown(() => (loaded = loadCatalog(files)));
    expect(loaded).toBeUndefined();
    expect(e.details).toEqual([
      expect.stringMatching(/^templates\/leadership-ladder\.json: \$\.levels/) as string,
      expect.stringMatching(
        /^templates\/equip-teacher-copy2\.json: \$\.id: 'equip-teacher-copy' must match/,
      ) as string,
      expect.stringMatching(/^templates\/equip-teacher-copy2\.json: \$\.id: .* is already used by/) as string,
    ]);
  });

  it("a failed load leaves the built-in catalog as it was", () => {
    const before = builtinTemplates();
    expect(() => loadCatalog([{ file: "templates/leadership-ladder.json", json: null }])).toThrow();
    expect(builtinTemplates()).toBe(before);
    expect(before.map((t) => t.id)).toContain("leadership-ladder");
  });
});
