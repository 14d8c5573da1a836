/**
 * The answer of a statement sent ahead (PostgreSQL): the connection sends it at once and the transaction
 * goes on without waiting, so the statements that follow leave in the same packet instead of one round trip
 * each. Each round trip costs both processes a wake-up, which on a shared machine is most of a short
 * statement's cost. PostgreSQL runs a connection's statements in order, so what follows sees its effect.
 */
export class AheadAnswer {
  private sent: Promise<unknown[]> | undefined;

  /** Called by the connection as it sends the statement. */
  accept(answer: Promise<unknown[]>): void {
    // Read when the transaction ends or when a later statement needs it; until then a failure is not unhandled.
    answer.catch(() => undefined);
    this.sent = answer;
  }

  get answer(): Promise<unknown[]> {
    if (this.sent === undefined)
      throw new Error('a statement sent ahead was not sent: is the pool preparing?');
    return this.sent;
  }
}

/**
 * The answer of a region chain's lock sent ahead as a write's first statement: the write may then share a
 * transaction with other regions' writes (see GroupTransaction).
 */
export class ChainLockAnswer extends AheadAnswer {
  constructor(readonly chain: string) {
    super();
  }
}

const sentAhead = new WeakMap<object, AheadAnswer[]>();

/** Records a statement sent ahead in `trx`, whose end must then check it. */
export function recordAhead(trx: object, answer: AheadAnswer): void {
  let answers = sentAhead.get(trx);
  if (answers === undefined) {
    answers = [];
    sentAhead.set(trx, answers);
  }
  answers.push(answer);
}

/**
 * The error of the first statement sent ahead in `trx` that failed, once the transaction has ended. The
 * transaction aborted there, and statements after it failed only because of it: this is the error to report.
 */
export async function aheadFailure(trx: object): Promise<unknown> {
  for (const answer of sentAhead.get(trx) ?? []) {
    try {
      await answer.answer;
    } catch (error) {
      return error;
    }
  }
  return undefined;
}

/** PostgreSQL's answer to COMMIT in a transaction a failed statement aborted: it rolled back instead. */
export class RolledBackAtCommit extends Error {
  constructor() {
    super('the transaction was rolled back at commit: a statement sent ahead in it failed');
  }
}
