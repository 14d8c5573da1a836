/**
 * PostgreSQL: the data versions of regions, asked for by the requests of one turn of the event loop, read in
 * one query after that turn's input has been handled. Every cached page view asks for its region's version,
 * and on PostgreSQL each query is a round trip that wakes both processes: at 64 connections the version reads
 * were the largest share of the server's own CPU in a mix of reads. A batch is read after every request in it
 * arrived, so each still sees every write committed before it asked: nothing older is ever reused.
 */
export function batchedVersions(
  read: (regionIds: readonly string[]) => Promise<Map<string, number>>,
): (regionId: string) => Promise<number> {
  let waiting: Map<string, ((version: number) => void)[]> | undefined;
  let failed: ((error: unknown) => void)[] = [];

  const flush = () => {
    const batch = waiting!;
    const rejects = failed;
    waiting = undefined;
    failed = [];
    read([...batch.keys()]).then(
      (versions) => {
        for (const [regionId, resolves] of batch)
          for (const resolve of resolves) resolve(versions.get(regionId) ?? 0);
      },
      (error: unknown) => {
        for (const reject of rejects) reject(error);
      },
    );
  };

  return (regionId) =>
    new Promise<number>((resolve, reject) => {
      if (waiting === undefined) {
        waiting = new Map();
        // After the poll phase: the requests whose input arrived in this turn have all asked by then.
        setImmediate(flush);
      }
      let resolves = waiting.get(regionId);
      if (resolves === undefined) {
        resolves = [];
        waiting.set(regionId, resolves);
      }
      resolves.push(resolve);
      failed.push(reject);
    });
}
