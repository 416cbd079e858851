/**
 * The demo school's appraisal year (issue 14): fills the record beside each demo ladder the way
 * people and their appraisers would over a year. A target level for most (the same level for some
 * already where they want to be, none yet for one newcomer), three objectives with "How will we know?" lines
 * picked by role, STAR projects at different steps with dates in order (further on for people
 * whose Jul column is filled in), review notes at each checkpoint filled in, and the current level
 * typed beside the colours. Three record mistakes for `ladder check` to find: a target below the
 * level the year began at, a STAR step ticked below an unticked one, and an objective left empty
 * at Mid. Deterministic, like school.ts: cells are found by the record's labels, never by position.
 */
import type { CellValue, SheetSpec } from "../../core/sheet.js";
import type { DemoStaff } from "./staff.js";

type Kind = "teacher" | "assistant" | "office" | "leader";
type Pair = readonly [objective: string, how: string];

/** Objective 1 (main role), by kind of role. */
const MAIN_ROLE: Record<Kind, readonly Pair[]> = {
  teacher: [
    [
      "Raise the share of my class reading at the expected standard from 70% to 85%.",
      "Termly reading assessments, and reading records checked each half term.",
    ],
    [
      "Use retrieval quizzes in every maths lesson so pupils remember last term's work.",
      "End-of-unit test scores, compared with last year's class.",
    ],
    [
      "Plan the new history units with clear end points for each lesson.",
      "Book looks with my phase leader in November and March.",
    ],
  ],
  assistant: [
    [
      "Run daily phonics catch-up for six pupils in Year 1.",
      "Weekly sound checks, and the phonics screening check in June.",
    ],
    [
      "Support two pupils with speech and language targets every morning.",
      "Their targets reviewed with the SENCo each term.",
    ],
  ],
  office: [
    [
      "Move trip and club payments online so no cash comes into the office.",
      "Cash handled each term falls to nothing; parents' comments at Mid.",
    ],
    [
      "Keep the single central record complete and checked every half term.",
      "No gaps at the governors' safeguarding check in the spring.",
    ],
  ],
  leader: [
    ["Bring whole-school attendance up to 96%.", "Weekly attendance figures reviewed with the headteacher."],
    [
      "Lead the new writing curriculum so every class follows the same sequence.",
      "Moderation in February and June; pupils' writing against the end-of-year standard.",
    ],
    [
      "Build a plan with the governors for the next three years of the building.",
      "The plan agreed at the spring board meeting.",
    ],
  ],
};

/** Objective 2: the STAR project (the question or idea to try), with how it will be evaluated. */
const STAR: readonly Pair[] = [
  [
    "Does live marking in lessons help pupils act on feedback sooner than marking books at home?",
    "Pupils' responses in books before and after; a short pupil survey.",
  ],
  [
    "Visual timetables in Reception: do children settle faster after lunch?",
    "Time to settle, noted for two weeks before and six weeks after.",
  ],
  [
    "Pre-teaching topic vocabulary the day before the lesson.",
    "Vocabulary checks before and after three topics.",
  ],
  [
    "A 'walk and talk' playtime for pupils who find the playground hard.",
    "Incidents logged at lunchtime, and what the pupils say about it.",
  ],
  ["A paperless weekly staff briefing.", "Printing costs, and a staff survey at Mid and Jul."],
  ["Peer coaching between teaching assistants.", "Coaching logs, and the assistants' own feedback."],
  ["Music practice videos shared with families.", "How many pupils practise at home, before and after."],
];

/** Objective 3: using leadership to benefit others. */
const LEADERSHIP: readonly Pair[] = [
  [
    "Coach a newly appointed colleague through their first term.",
    "Their feedback at Mid, and their own ladder colours.",
  ],
  [
    "Chair the staff wellbeing group and act on what it finds.",
    "Two changes agreed and made; the staff survey in July.",
  ],
  [
    "Lead the year group's moderation meetings.",
    "Meetings held every half term, with agreed next steps each time.",
  ],
  [
    "Share one idea from my STAR project with another school in the trust.",
    "A visit or a shared session before the summer.",
  ],
];

const NOTES: Record<"Sep" | "Mid" | "Jul", readonly Pair[]> = {
  Sep: [
    ["Happy with my targets for the year.", "Objectives agreed. A good start."],
    ["I'd like support with the research step.", "Agreed: time set aside in October."],
  ],
  Mid: [
    ["On track, though the project took longer to plan.", "Good progress; keep the evidence as you go."],
    ["More of my statements are green now.", "Agreed from what I have seen this term."],
  ],
  Jul: [
    ["I have learned a lot from trying this.", "A strong year. Please share the project at SMART day."],
    ["I will carry this on next year.", "Well done: the evidence shows the impact."],
  ],
};

/** A small stable hash (as in school.ts), so each person gets their own repeatable choices. */
function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function pick<T>(list: readonly T[], seed: number): T {
  return list[seed % list.length]!;
}

function kindOf(role: string): Kind {
  const r = role.toLowerCase();
  if (/head|lead|senco|manager|deputy|phase|chair|tlr1/.test(r)) return "leader";
  if (/assistant|supervisor|mentor/.test(r)) return "assistant";
  if (/office|finance|site|business/.test(r)) return "office";
  return "teacher";
}

/** Demo record mistakes, by name: each is found by `ladder check` as a warning. */
const TARGET_BELOW = "Michael Chen"; // target 2, though the colours showed level 3 in Sep
const STAR_SKIPPED = "Ryan Parker"; // STAR step 4 ticked, step 3 not
const OBJECTIVE_EMPTY = "Isla McKenzie"; // objective 3 left empty, Mid filled in
/** No target agreed yet (new this year): objectives written, the target left for the next review. */
const NO_TARGET = new Set(["Ellie Fraser"]);

/** The record's cells on a generated tab, found by its labels. */
function recordCells(spec: SheetSpec) {
  const at = new Map<string, { row: number; col: number }>();
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && !at.has(v)) at.set(v, { row: r, col: c });
    }),
  );
  const find = (test: (label: string) => boolean) => [...at].find(([k]) => test(k))?.[1];
  return { at, find };
}

/** "12/10/2026": a date as people type it in England (the readers take it in every host). */
function date(year: number, month: number, day: number): string {
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** When each STAR step was done, in order through the year that starts in September of `y`. */
function stepDates(y: number, seed: number): string[] {
  const d = (seed % 9) + 1;
  return [
    date(y, 9, 20 + d),
    date(y, 10, 10 + d),
    date(y, 11, 12 + d),
    date(y + 1, 1, 15 + d),
    date(y + 1, 5, 10 + d),
    date(y + 1, 7, 1 + d),
  ];
}

/**
 * Fill one demo tab's year record. `startYear` is the September the appraisal year began.
 * @example fillYear(spec, DEMO_STAFF[0], 2026) // Grace Holloway: target 2, STAR step 4 reached, ...
 */
export function fillYear(spec: SheetSpec, person: DemoStaff, startYear: number): void {
  const { at, find } = recordCells(spec);
  const set = (row: number, col: number, v: CellValue): void => {
    spec.values[row]![col] = v;
  };
  const seed = hash(person.name);
  const [sep, mid, jul] = person.levels;
  const latestCp = jul !== null ? 2 : 1;

  // Current level beside the colours (colour tabs; a tick-box tab works it out with a formula).
  (["Sep", "Mid", "Jul"] as const).forEach((cp, k) => {
    const label = find((l) => l.startsWith(`${cp}: current level (from your colours)`));
    const level = person.levels[k];
    if (label && level !== null && level !== undefined) set(label.row, label.col + 1, level);
  });

  const target = find((l) => l === "Target level for the year");
  if (target && !NO_TARGET.has(person.name)) {
    const beyond = seed % 4 === 0 && sep >= 4; // already where they want to be: the same level (the seed allows it)
    const aim =
      person.name === TARGET_BELOW ? sep - 1 : Math.max(1, Math.min(8, sep + (beyond ? 0 : 1 + (seed % 2))));
    set(target.row, target.col + 1, aim);
  }

  // The three objectives: the "Objective" and "How will we know?" rows under each heading.
  const pairs = [
    pick(MAIN_ROLE[kindOf(person.role)], seed),
    pick(STAR, seed >>> 3),
    pick(LEADERSHIP, seed >>> 5),
  ];
  [...at]
    .filter(([label]) => /^Objective [123]$/.test(label))
    .forEach(([label, { row, col }]) => {
      const n = Number(label[10]);
      const [objective, how] = pairs[n - 1]!;
      if (person.name === OBJECTIVE_EMPTY && n === 3) return;
      set(row + 1, col + 1, objective);
      set(row + 2, col + 1, how);
    });

  // STAR steps: further on for people whose Jul column is filled in.
  const done = find((l) => l === "Done");
  const dated = find((l) => l === "Date done");
  if (done && dated) {
    const reached = latestCp === 2 ? [3, 4, 4, 5, 5, 6][seed % 6]! : 2 + (seed % 2);
    const dates = stepDates(startYear, seed);
    for (let step = 1; step <= 6; step++) {
      const row = done.row + step;
      const ticked = person.name === STAR_SKIPPED ? step === 1 || step === 2 || step === 4 : step <= reached;
      if (!ticked) continue;
      set(row, done.col, true);
      set(row, dated.col, dates[step - 1]!);
    }
  }

  // Review notes at each checkpoint that is filled in.
  (["Sep", "Mid", "Jul"] as const).forEach((cp, k) => {
    if ((k === 1 && mid === null) || (k === 2 && jul === null)) return;
    const [mine, appraiser] = pick(NOTES[cp], seed >>> 7);
    const you = at.get(`${cp}: your note`);
    const them = at.get(`${cp}: appraiser's note`);
    if (you) set(you.row, you.col + 1, mine);
    if (them) set(them.row, them.col + 1, appraiser);
  });
}

/** The September the appraisal year containing `today` began (the year runs September to July). */
export function yearStart(today: Date): number {
  return today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}
