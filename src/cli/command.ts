/** One subcommand of `taizhang`: what the help lists and what runs. */
export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<number>;
}
