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
  interface Asker {
    resolve: (version: number) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Map<string, Asker[]> | undefined;

  const flush = (batch: Map<string, Asker[]>) => {
    waiting = undefined;
    read([...batch.keys()]).then(
      (versions) => {
        for (const [regionId, askers] of batch)
          for (const { resolve } of askers) resolve(versions.get(regionId) ?? 0);
      },
      (error: unknown) => {
        for (const askers of batch.values()) for (const { reject } of askers) reject(error);
      },
    );
  };

  return (regionId) =>
    new Promise<number>((resolve, reject) => {
      if (waiting === undefined) {
        waiting = new Map();
        // After the poll phase: the requests whose input arrived in this turn have all asked by then.
        setImmediate(flush, waiting);
      }
      const askers = waiting.get(regionId);
      if (askers) askers.push({ resolve, reject });
      else waiting.set(regionId, [{ resolve, reject }]);
    });
}
