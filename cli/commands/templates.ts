/** `ladder templates`: the template ids and titles, for `ladder new --template ID`. */
import { templateInfos } from "../../core/app.js";
import { parse, positionals } from "../args.js";
import { EXIT, type Command } from "../command.js";
import { json, table } from "../format.js";

export const templates: Command = {
  name: "templates",
  help: `Usage: ladder templates [--json]

Lists the templates 'ladder new --template ID' can make a tab from.

Options:
  --json      print the list as JSON
  -h, --help  show this help`,
  run(argv, io) {
    const { values, positionals: pos } = parse("templates", argv, {
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    positionals("templates", pos, []);
    const list = templateInfos();
    if (values.json) {
      io.out(json(list));
      return Promise.resolve(EXIT.ok);
    }
    const rows = list.map((t) => [
      t.id,
      t.kind === "ladder" ? `ladder, levels up to ${t.minLevel}-${t.maxLevel}` : t.kind,
      t.title,
    ]);
    for (const line of table([["ID", "KIND", "TITLE"], ...rows])) io.out(line);
    return Promise.resolve(EXIT.ok);
  },
};
