/**
 * What a command may do to the outside world besides files: print to stdout and stderr, show
 * progress (only on a terminal), and know the working folder and today's date. Passed in, so the
 * commands are plain functions and the entry point is the only place that touches `process`.
 */
export interface Io {
  /** One line of normal output (stdout). */
  out(line: string): void;
  /** One line of diagnostics (stderr). */
  err(line: string): void;
  /** Transient progress on stderr, overwritten in place; a no-op when stderr is not a terminal. */
  progress(text: string): void;
  /** Clear any progress line. */
  progressDone(): void;
  cwd: string;
  now: Date;
}

export function processIo(): Io {
  const tty = process.stderr.isTTY;
  let shown = false;
  const write = (stream: NodeJS.WriteStream, text: string): void => {
    stream.write(text);
  };
  return {
    out: (line) => write(process.stdout, `${line}\n`),
    err: (line) => write(process.stderr, `${line}\n`),
    progress: (text) => {
      if (!tty) return;
      const width = Math.max(20, (process.stderr.columns || 80) - 1);
      write(process.stderr, `\r${text.slice(0, width).padEnd(width)}`);
      shown = true;
    },
    progressDone: () => {
      if (tty && shown)
        write(process.stderr, `\r${" ".repeat(Math.max(20, (process.stderr.columns || 80) - 1))}\r`);
      shown = false;
    },
    cwd: process.cwd(),
    now: new Date(),
  };
}
