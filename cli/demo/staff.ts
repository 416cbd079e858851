/**
 * The demo school's people: 40 staff across all seven grade bands, with the level each reached at
 * Sep, Mid and Jul (null: not filled in yet) chosen so every zone appears (below, entry, expected,
 * beyond), a level that drops, and three colouring mistakes. Pure data, no host: it could move to
 * core if the add-ins want a demo too.
 *
 * Bands are written the way people write them: a number, or one of the band's labels.
 */

export type Mistake = "green-after-gap" | "amber-before-gap" | "unknown-colour";

export interface DemoStaff {
  name: string;
  role: string;
  band: string;
  appraiser: string;
  /** Level reached at Sep, Mid, Jul; null = that checkpoint not filled in yet. */
  levels: [number, number, number | null];
  /** A colouring mistake, in one checkpoint column. */
  mistake?: { kind: Mistake; checkpoint: "Sep" | "Mid" | "Jul" };
  /** The tick-box variant of the tab. */
  ticks?: boolean;
}

const HEAD = "Andrew Whitaker (Headteacher)";
const DEPUTY = "Sarah Jennings (Deputy Headteacher)";
const AH_TL = "Victoria Shaw (Assistant Headteacher)";
const AH_CUR = "Imran Patel (Assistant Headteacher)";
const SBM = "Rachel Barker (School Business Manager)";
const CHAIR = "Margaret Doyle (Chair of Governors)";

export const DEMO_SCHOOL = "Riverside Primary School";

export const DEMO_STAFF: readonly DemoStaff[] = [
  // Band 1: A-E (support), UNQ 1 (unqualified teacher)
  { name: "Grace Holloway", role: "Teaching Assistant", band: "A-E", appraiser: AH_TL, levels: [0, 1, 1] },
  { name: "Tom Ashworth", role: "Midday Supervisor", band: "A-E", appraiser: SBM, levels: [0, 0, 1] },
  { name: "Priya Sharma", role: "Teaching Assistant", band: "A-E", appraiser: AH_TL, levels: [1, 2, 2] },
  {
    name: "Jack Whitfield",
    role: "Unqualified Teacher",
    band: "UNQ 1",
    appraiser: AH_CUR,
    levels: [1, 2, 3],
  },
  { name: "Ellie Fraser", role: "Office Assistant", band: "A-E", appraiser: SBM, levels: [0, 1, null] },
  { name: "Harriet Moss", role: "Teaching Assistant", band: "1", appraiser: AH_TL, levels: [2, 3, 3] },
  // Band 2: main scale teachers, F
  { name: "Oliver Bennett", role: "Class Teacher, Year 3", band: "2", appraiser: AH_CUR, levels: [1, 2, 2] },
  {
    name: "Sophie Turner",
    role: "Class Teacher, Year 1",
    band: "UNQ 2+ M1-6",
    appraiser: AH_TL,
    levels: [2, 2, 3],
  },
  {
    name: "Daniel Okoro",
    role: "Class Teacher, Year 5",
    band: "2",
    appraiser: AH_CUR,
    levels: [2, 3, 3],
    mistake: { kind: "unknown-colour", checkpoint: "Jul" },
  },
  {
    name: "Amelia Hughes",
    role: "Higher Level Teaching Assistant",
    band: "F",
    appraiser: AH_TL,
    levels: [1, 1, 2],
  },
  { name: "Lucy Brennan", role: "Class Teacher, Reception", band: "2", appraiser: AH_TL, levels: [0, 0, 1] },
  { name: "Mohammed Rahman", role: "Class Teacher, Year 4", band: "2", appraiser: AH_CUR, levels: [3, 3, 4] },
  {
    name: "Charlotte Evans",
    role: "Class Teacher, Year 2",
    band: "2",
    appraiser: AH_TL,
    levels: [2, 2, null],
  },
  { name: "James Doyle", role: "Cover Supervisor", band: "F", appraiser: SBM, levels: [1, 2, 2] },
  { name: "Isla McKenzie", role: "Class Teacher, Year 6", band: "2", appraiser: AH_CUR, levels: [2, 3, 4] },
  { name: "Ryan Parker", role: "Learning Mentor", band: "F", appraiser: AH_TL, levels: [1, 1, 1] },
  // Band 3: UPS1 TLR3, G
  {
    name: "Emma Clarke",
    role: "Science Lead (TLR3)",
    band: "UPS1 TLR3",
    appraiser: AH_CUR,
    levels: [3, 3, 4],
  },
  {
    name: "Nathan Price",
    role: "Class Teacher (UPS1)",
    band: "3",
    appraiser: AH_CUR,
    levels: [2, 3, 3],
    mistake: { kind: "green-after-gap", checkpoint: "Mid" },
  },
  {
    name: "Rebecca Lowe",
    role: "School Business Officer",
    band: "G",
    appraiser: SBM,
    levels: [2, 2, 3],
    mistake: { kind: "amber-before-gap", checkpoint: "Sep" },
  },
  {
    name: "Hannah Wright",
    role: "PE Lead (TLR3)",
    band: "3",
    appraiser: AH_TL,
    levels: [3, 4, 4],
    ticks: true,
  },
  { name: "Adam Kowalski", role: "Class Teacher (UPS1)", band: "3", appraiser: AH_TL, levels: [1, 1, 2] },
  { name: "Zara Ahmed", role: "Music Lead (TLR3)", band: "3", appraiser: AH_CUR, levels: [4, 5, 5] },
  { name: "Chloe Robinson", role: "Finance Officer", band: "G", appraiser: SBM, levels: [3, 3, null] },
  { name: "George Fletcher", role: "Computing Lead (TLR3)", band: "3", appraiser: AH_CUR, levels: [3, 4, 5] },
  // Band 4: UPS2-3 TLR2, H-I
  {
    name: "Laura Bishop",
    role: "English Lead (TLR2)",
    band: "UPS2-3 TLR2",
    appraiser: DEPUTY,
    levels: [4, 4, 5],
  },
  { name: "Samuel Green", role: "Maths Lead (TLR2)", band: "4", appraiser: DEPUTY, levels: [3, 4, 4] },
  { name: "Katie O'Neill", role: "Office Manager", band: "H-I", appraiser: SBM, levels: [3, 3, 4] },
  { name: "Michael Chen", role: "KS1 Phase Leader (TLR2)", band: "4", appraiser: DEPUTY, levels: [2, 2, 3] },
  { name: "Natalie Dixon", role: "KS2 Phase Leader (TLR2)", band: "4", appraiser: DEPUTY, levels: [4, 5, 6] },
  { name: "Peter Walsh", role: "Site Manager", band: "H-I", appraiser: SBM, levels: [3, 4, 4] },
  // Band 5: TLR1, J-K
  { name: "Fiona Campbell", role: "SENCo (TLR1)", band: "TLR1", appraiser: DEPUTY, levels: [4, 5, 5] },
  { name: "David Marsh", role: "Assessment Lead (TLR1)", band: "5", appraiser: DEPUTY, levels: [5, 5, 6] },
  { name: "Rachel Barker", role: "School Business Manager", band: "J-K", appraiser: HEAD, levels: [3, 4, 4] },
  { name: "Owen Griffiths", role: "Curriculum Lead (TLR1)", band: "5", appraiser: DEPUTY, levels: [5, 6, 7] },
  // Band 6: AH, L-M
  { name: "Victoria Shaw", role: "Assistant Headteacher", band: "AH", appraiser: HEAD, levels: [5, 6, 6] },
  { name: "Imran Patel", role: "Assistant Headteacher", band: "6", appraiser: HEAD, levels: [6, 6, 7] },
  { name: "Joanne Fielding", role: "Trust Operations Lead", band: "L-M", appraiser: HEAD, levels: [5, 6, 5] },
  {
    name: "Matthew Lawson",
    role: "Assistant Head (Inclusion)",
    band: "6",
    appraiser: HEAD,
    levels: [4, 5, null],
  },
  // Band 7: DH Head, N+
  { name: "Sarah Jennings", role: "Deputy Headteacher", band: "DH Head", appraiser: HEAD, levels: [6, 7, 7] },
  { name: "Andrew Whitaker", role: "Headteacher", band: "7", appraiser: CHAIR, levels: [7, 8, 8] },
];

/** The feedback form filled in after one meeting. */
export const DEMO_FEEDBACK = {
  fields: {
    Meeting: "Y6 team",
    Date: "12 Nov 2025",
    Chair: "Isla McKenzie",
    Observer: "Sarah Jennings",
  },
  /** Comments by row order of the form's items: [positive, development]. */
  comments: [
    ["Clear agenda sent two days before; started on time.", ""],
    ["Actions from last meeting reviewed first.", ""],
    ["", "Two colleagues did not speak: invite contributions by name."],
    ["Summarised decisions before moving on.", "Agree who owns each action and by when."],
    ["", "Finished ten minutes late: time the agenda items."],
  ] as const,
};
