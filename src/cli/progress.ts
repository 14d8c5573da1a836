// A progress bar on the terminal: redrawn in place on a TTY, one line per stage otherwise (logs, pipes).

const WIDTH = 24;

export interface ProgressBar {
  /** `fraction` of the whole job (0–1) is done, now at `stage`. */
  update(fraction: number, stage: string): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let last = '';
  return {
    update(fraction, stage) {
      const f = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(f * WIDTH);
      const line = `[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${String(Math.round(f * 100)).padStart(3)}% ${stage}`;
      if (stream.isTTY) stream.write(`\r${line}\u001b[K`);
      else if (stage !== last) stream.write(`${line}\n`);
      last = stage;
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
